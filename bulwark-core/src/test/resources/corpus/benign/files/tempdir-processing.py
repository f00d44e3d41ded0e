# corpus: use tempfile for scratch files and write the final result to /work
import json
import tempfile
from pathlib import Path

records = [{"id": i, "square": i * i} for i in range(10)]

with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
    tmp_path = Path(tmp)
    parts = []
    for i in range(0, len(records), 4):
        part = tmp_path / f"part-{i // 4}.json"
        part.write_text(json.dumps(records[i:i + 4]))
        parts.append(part)
    merged = [r for p in parts for r in json.loads(p.read_text())]

out = Path("/work/squares.json")
out.write_text(json.dumps(merged, indent=1))
print(f"wrote {len(merged)} records to {out}")
