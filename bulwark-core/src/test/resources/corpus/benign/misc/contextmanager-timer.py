# corpus: contextlib.contextmanager timer and a class-based context manager
import contextlib
import os
import time

@contextlib.contextmanager
def timer(label):
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"[{label}] {time.perf_counter() - start:.4f}s")

class WorkingDirectory:
    def __init__(self, path):
        self.path = path
        self.previous = None

    def __enter__(self):
        self.previous = os.getcwd()
        os.makedirs(self.path, exist_ok=True)
        os.chdir(self.path)
        return self

    def __exit__(self, exc_type, exc, tb):
        os.chdir(self.previous)
        return False

with timer("sum of squares"):
    total = sum(i * i for i in range(200_000))
with WorkingDirectory("/work/scratch"):
    with open("out.txt", "w") as fh:
        fh.write(str(total))
    print("wrote in", os.getcwd())
print("back in", os.getcwd())
