# corpus: read a CSV with the csv module and summarise numeric columns
import csv
import statistics
from pathlib import Path

path = Path("/work/measurements.csv")
if not path.exists():
    path.write_text("sensor,value\nA,1.5\nB,2.25\nA,3.0\nC,0.75\nB,4.5\n")

values = {}
with path.open(newline="") as fh:
    for row in csv.DictReader(fh):
        values.setdefault(row["sensor"], []).append(float(row["value"]))

for sensor, vals in sorted(values.items()):
    print(f"{sensor}: n={len(vals)} mean={statistics.mean(vals):.2f} max={max(vals)}")
