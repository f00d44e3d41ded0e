# corpus: concurrent.futures ThreadPoolExecutor and ProcessPool-free prime checks
from concurrent.futures import ThreadPoolExecutor, as_completed
import math

def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for d in range(3, math.isqrt(n) + 1, 2):
        if n % d == 0:
            return False
    return True

candidates = [112272535095293, 112582705942171, 115280095190773, 1099726899285419, 17, 21]
with ThreadPoolExecutor(max_workers=4) as pool:
    futures = {pool.submit(is_prime, n): n for n in candidates}
    for fut in as_completed(futures):
        print(futures[fut], "prime" if fut.result() else "composite")
