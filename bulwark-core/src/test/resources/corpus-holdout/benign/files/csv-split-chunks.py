# corpus: split a large CSV in /tmp into fixed-size chunk files preserving the header
import csv
from pathlib import Path

src = Path("/tmp/big.csv")
out_dir = Path("/tmp/chunks")
out_dir.mkdir(exist_ok=True)

with src.open("w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["id", "value"])
    w.writerows((i, i * i) for i in range(2345))

CHUNK = 1000
with src.open(newline="") as fh:
    reader = csv.reader(fh)
    header = next(reader)
    part, rows = 0, []
    for row in reader:
        rows.append(row)
        if len(rows) == CHUNK:
            part += 1
            with (out_dir / f"part-{part:02d}.csv").open("w", newline="") as out:
                csv.writer(out).writerows([header, *rows])
            rows = []
    if rows:
        part += 1
        with (out_dir / f"part-{part:02d}.csv").open("w", newline="") as out:
            csv.writer(out).writerows([header, *rows])

print(sorted(p.name for p in out_dir.glob("part-*.csv")))
