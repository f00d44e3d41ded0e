# corpus: format a report with f-string alignment and thousands separators
records = [
    ("ingest", 1_532_114, 12.5),
    ("transform", 987_002, 48.25),
    ("load", 1_530_990, 6.0),
    ("validate", 14, 0.125),
]

header = f"{'stage':<12}{'rows':>12}{'seconds':>10}{'rows/s':>12}"
print(header)
print("=" * len(header))
for stage, rows, secs in records:
    rate = rows / secs if secs else float("nan")
    print(f"{stage:<12}{rows:>12,}{secs:>10.2f}{rate:>12,.0f}")
total_rows = sum(r for _, r, _ in records)
print(f"{'total':<12}{total_rows:>12,}{sum(s for *_, s in records):>10.2f}")
