# corpus: per-column min/max/mean of a small inline CSV using csv.DictReader and statistics
import csv
import io
import statistics

RAW = """city,temp_c,humidity
Oslo,4.5,81
Lisbon,17.2,66
Cairo,27.9,34
Reykjavik,1.1,88
Lima,19.4,77
"""

def column_stats(rows, column):
    values = [float(r[column]) for r in rows]
    return {
        "min": min(values),
        "max": max(values),
        "mean": round(statistics.fmean(values), 2),
        "stdev": round(statistics.stdev(values), 2),
    }

rows = list(csv.DictReader(io.StringIO(RAW)))
for col in ("temp_c", "humidity"):
    print(col, column_stats(rows, col))
