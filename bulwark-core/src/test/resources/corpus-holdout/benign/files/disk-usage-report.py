# corpus: summarise disk usage per top-level directory of /tmp with os.scandir
import os

def tree_size(path):
    total = 0
    stack = [path]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    elif entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
        except PermissionError:
            continue
    return total

def human(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"

base = "/tmp"
sizes = []
for entry in os.scandir(base):
    if entry.is_dir(follow_symlinks=False):
        sizes.append((tree_size(entry.path), entry.name))
for size, name in sorted(sizes, reverse=True)[:10]:
    print(f"{human(size):>10}  {name}")
