# corpus: walk the working directory and list the largest files
import os

ROOT = "/work"
sizes = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    for name in filenames:
        full = os.path.join(dirpath, name)
        try:
            sizes.append((os.path.getsize(full), os.path.relpath(full, ROOT)))
        except OSError:
            continue

def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.1f}{unit}"
        n /= 1024
    return f"{n:.1f}TB"

for size, rel in sorted(sizes, reverse=True)[:10]:
    print(f"{human(size):>9}  {rel}")
