# corpus: contextlib contextmanager, ExitStack, suppress and a class-based context manager with __enter__/__exit__
import contextlib
import os
import time
from pathlib import Path

@contextlib.contextmanager
def timer(label):
    start = time.monotonic()
    try:
        yield
    finally:
        print(f"[{label}] {time.monotonic() - start:.4f}s")

class TempWorkdir:
    def __init__(self, path):
        self.path = Path(path)
        self._old = None

    def __enter__(self):
        self.path.mkdir(parents=True, exist_ok=True)
        self._old = os.getcwd()
        os.chdir(self.path)
        return self.path

    def __exit__(self, exc_type, exc, tb):
        os.chdir(self._old)
        return False

with contextlib.ExitStack() as stack:
    stack.enter_context(timer("job"))
    wd = stack.enter_context(TempWorkdir("/tmp/agent-job"))
    Path("result.txt").write_text("42\n")
    with contextlib.suppress(FileNotFoundError):
        Path("stale.lock").unlink()
    print("wrote", wd / "result.txt", "cwd now", os.getcwd())
print("back in", os.getcwd())
