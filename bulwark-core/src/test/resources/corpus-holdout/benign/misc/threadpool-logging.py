# corpus: ThreadPoolExecutor with a threading.Lock counter and structured logging configuration
import logging
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("pool-demo")

class Counter:
    def __init__(self):
        self._lock = threading.Lock()
        self.value = 0

    def add(self, n):
        with self._lock:
            self.value += n

def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

counter = Counter()
with ThreadPoolExecutor(max_workers=4, thread_name_prefix="calc") as pool:
    futures = {pool.submit(collatz_steps, n): n for n in range(1, 2000, 37)}
    for fut in as_completed(futures):
        counter.add(fut.result())
        log.debug("n=%d done", futures[fut])
log.info("total steps: %d", counter.value)
