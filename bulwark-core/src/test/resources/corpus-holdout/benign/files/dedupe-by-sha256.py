# corpus: find duplicate files under /work by size then sha256 digest using hashlib
import hashlib
from collections import defaultdict
from pathlib import Path

ROOT = Path("/work")

def digest(path, chunk=1 << 16):
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()

by_size = defaultdict(list)
for p in ROOT.rglob("*"):
    if p.is_file() and not p.is_symlink():
        by_size[p.stat().st_size].append(p)

dupes = defaultdict(list)
for size, paths in by_size.items():
    if size and len(paths) > 1:
        for p in paths:
            dupes[digest(p)].append(p)

for h, paths in dupes.items():
    if len(paths) > 1:
        print(h[:12], *[str(p) for p in paths])
