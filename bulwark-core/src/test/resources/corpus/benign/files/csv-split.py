# corpus: split a large CSV into chunks of N rows under /work/chunks
import csv
from pathlib import Path

src = Path("/work/big.csv")
if not src.exists():
    with src.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "value"])
        w.writerows((i, i * 3) for i in range(1, 251))

CHUNK = 100
out_dir = Path("/work/chunks")
out_dir.mkdir(exist_ok=True)

with src.open(newline="") as fh:
    reader = csv.reader(fh)
    header = next(reader)
    chunk, n = [], 0
    for row in reader:
        chunk.append(row)
        if len(chunk) == CHUNK:
            n += 1
            with (out_dir / f"part_{n:02d}.csv").open("w", newline="") as out:
                csv.writer(out).writerows([header, *chunk])
            chunk = []
    if chunk:
        n += 1
        with (out_dir / f"part_{n:02d}.csv").open("w", newline="") as out:
            csv.writer(out).writerows([header, *chunk])
print(f"wrote {n} chunks")
