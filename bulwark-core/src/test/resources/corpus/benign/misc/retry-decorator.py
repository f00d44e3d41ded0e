# corpus: parameterised retry decorator with exceptions filter
import functools
import random
import time

def retry(times=3, exceptions=(Exception,), delay=0.01):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    last = exc
                    print(f"{func.__name__}: attempt {attempt} failed ({exc})")
                    time.sleep(delay)
            raise last
        return wrapper
    return decorate

random.seed(4)

@retry(times=5, exceptions=(ConnectionError,))
def flaky_read():
    if random.random() < 0.6:
        raise ConnectionError("transient")
    return "payload"

print(flaky_read())
