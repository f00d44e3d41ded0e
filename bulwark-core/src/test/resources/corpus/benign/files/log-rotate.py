# corpus: rotate application log files in /work/logs keeping five generations
from pathlib import Path

LOG_DIR = Path("/work/logs")
KEEP = 5

def rotate(name: str) -> None:
    base = LOG_DIR / name
    oldest = LOG_DIR / f"{name}.{KEEP}"
    if oldest.exists():
        oldest.unlink()
    for i in range(KEEP - 1, 0, -1):
        src = LOG_DIR / f"{name}.{i}"
        if src.exists():
            src.rename(LOG_DIR / f"{name}.{i + 1}")
    if base.exists():
        base.rename(LOG_DIR / f"{name}.1")
    base.touch()

LOG_DIR.mkdir(parents=True, exist_ok=True)
for run in range(7):
    (LOG_DIR / "app.log").write_text(f"run {run}\n")
    rotate("app.log")
print(sorted(p.name for p in LOG_DIR.iterdir()))
