# corpus: asyncio queue with producers and consumers and a graceful shutdown
import asyncio
import random

async def producer(name, queue, n):
    for i in range(n):
        await asyncio.sleep(random.uniform(0.01, 0.05))
        await queue.put(f"{name}-{i}")
    print(f"{name} done")

async def consumer(name, queue, results):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.02)
        results.append((name, item))
        queue.task_done()

async def main():
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=5)
    results = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, results)) for i in range(3)]
    await asyncio.gather(*(producer(f"p{i}", queue, 4) for i in range(2)))
    await queue.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(len(results), "items processed")

if __name__ == "__main__":
    asyncio.run(main())
