# corpus: convert CSV text into an aligned markdown table
import csv
import io

CSV_TEXT = """language,year,typing
Python,1991,dynamic
Java,1995,static
Rust,2015,static
JavaScript,1995,dynamic
"""

rows = list(csv.reader(io.StringIO(CSV_TEXT)))
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

def fmt(row):
    return "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |"

print(fmt(rows[0]))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for row in rows[1:]:
    print(fmt(row))
