# corpus: write and read a gzip-compressed text file in /tmp
import gzip
import os

path = "/tmp/lines.txt.gz"
with gzip.open(path, "wt", encoding="utf-8") as fh:
    for i in range(1000):
        fh.write(f"line {i}: {'x' * (i % 50)}\n")

with gzip.open(path, "rt", encoding="utf-8") as fh:
    count = sum(1 for _ in fh)

raw = sum(len(f"line {i}: {'x' * (i % 50)}\n") for i in range(1000))
print(f"{count} lines, {raw} bytes raw, {os.path.getsize(path)} bytes compressed")
