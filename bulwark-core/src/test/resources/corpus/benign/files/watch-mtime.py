# corpus: report files in /work modified in the last day using os.stat
import os
import time
from datetime import datetime

cutoff = time.time() - 24 * 3600
recent = []
with os.scandir("/work") as it:
    for entry in it:
        if entry.is_file():
            st = entry.stat()
            if st.st_mtime >= cutoff:
                recent.append((st.st_mtime, entry.name, st.st_size))

for mtime, name, size in sorted(recent, reverse=True):
    print(f"{datetime.fromtimestamp(mtime):%Y-%m-%d %H:%M}  {size:>8}  {name}")
print(f"{len(recent)} recently modified files")
