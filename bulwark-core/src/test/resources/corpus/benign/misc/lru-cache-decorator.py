# corpus: functools.lru_cache, wraps and a timing decorator
import functools
import time

def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            print(f"{func.__name__} took {(time.perf_counter() - start) * 1000:.2f} ms")
    return wrapper

@functools.lru_cache(maxsize=None)
def ways(n: int) -> int:
    """Number of ways to climb n stairs taking 1, 2 or 3 steps."""
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)

@timed
def compute(limit):
    return [ways(i) for i in range(limit)]

print(compute(60)[-1])
print(ways.cache_info())
print(compute.__name__, compute.__doc__)
