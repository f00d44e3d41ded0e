# corpus: threading with a lock-protected counter and a worker pool via Queue
import queue
import threading

counter = 0
lock = threading.Lock()
tasks: "queue.Queue[int | None]" = queue.Queue()
results = []

def worker():
    global counter
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        value = sum(range(item))
        with lock:
            counter += 1
            results.append((item, value))
        tasks.task_done()

threads = [threading.Thread(target=worker, name=f"w{i}") for i in range(4)]
for t in threads:
    t.start()
for n in range(100, 120):
    tasks.put(n)
for _ in threads:
    tasks.put(None)
tasks.join()
for t in threads:
    t.join()
print(counter, sorted(results)[:3])
