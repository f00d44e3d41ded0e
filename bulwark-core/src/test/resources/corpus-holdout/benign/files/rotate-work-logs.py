# corpus: rotate and gzip old log files inside /work/logs keeping the newest five
import gzip
import shutil
from pathlib import Path

LOG_DIR = Path("/work/logs")
KEEP = 5

LOG_DIR.mkdir(parents=True, exist_ok=True)
for i in range(8):
    (LOG_DIR / f"run-{i:03d}.log").write_text(f"run {i}\n" * 50)

logs = sorted(LOG_DIR.glob("run-*.log"), key=lambda p: p.stat().st_mtime)
for old in logs[:-KEEP]:
    target = old.with_suffix(".log.gz")
    with old.open("rb") as src, gzip.open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    old.unlink()
    print("compressed", old.name, "->", target.name)

print("remaining:", sorted(p.name for p in LOG_DIR.iterdir()))
