# corpus: asyncio producer/consumer with a bounded Queue, TaskGroup and timeouts
import asyncio
import random

async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(random.uniform(0, 0.01))
    for _ in range(3):
        await queue.put(None)

async def worker(name, queue, results):
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.005)
        results.append((name, item * item))
        queue.task_done()
    queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=5)
    results = []
    async with asyncio.timeout(5):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(producer(queue, 20))
            for w in range(3):
                tg.create_task(worker(f"w{w}", queue, results))
    print(len(results), "results; sum =", sum(v for _, v in results))

asyncio.run(main())
