# corpus: functools.wraps timing decorator, lru_cache, cached_property and property setter
import functools
import time

def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"{fn.__name__} took {(time.perf_counter() - start) * 1000:.2f} ms")
    return wrapper

@functools.lru_cache(maxsize=None)
def partitions(n, k=None):
    k = n if k is None else k
    if n == 0:
        return 1
    return sum(partitions(n - i, i) for i in range(1, min(n, k) + 1))

class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        return self._r

    @radius.setter
    def radius(self, value):
        if value <= 0:
            raise ValueError("radius must be positive")
        self._r = value
        self.__dict__.pop("area", None)

    @functools.cached_property
    def area(self):
        return 3.141592653589793 * self._r ** 2

@timed
def run():
    print("p(60) =", partitions(60))
    c = Circle(2)
    print(c.area)
    c.radius = 3
    print(c.area, run.__wrapped__.__name__)

run()
print(partitions.cache_info())
