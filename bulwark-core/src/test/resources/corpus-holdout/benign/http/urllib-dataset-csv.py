# corpus: download a CSV dataset from data.example.org with urllib.request and parse it
import csv
import io
import urllib.request

URL = "https://data.example.org/datasets/air-quality/2023.csv"

req = urllib.request.Request(URL, headers={"User-Agent": "bulwark-agent"})
with urllib.request.urlopen(req, timeout=15) as resp:
    charset = resp.headers.get_content_charset() or "utf-8"
    text = resp.read().decode(charset)

rows = list(csv.DictReader(io.StringIO(text)))
print(len(rows), "rows; columns:", list(rows[0]) if rows else [])
pm25 = [float(r["pm25"]) for r in rows if r.get("pm25")]
if pm25:
    print("mean pm2.5:", round(sum(pm25) / len(pm25), 2))
