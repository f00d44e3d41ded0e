# corpus: zip the project's results directory into a dated archive under /work
import zipfile
from datetime import date
from pathlib import Path

src = Path("/work/results")
src.mkdir(parents=True, exist_ok=True)
(src / "summary.txt").write_text("accuracy=0.93\n")
(src / "metrics.json").write_text('{"f1": 0.91}\n')

archive = Path(f"/work/results-{date.today():%Y%m%d}.zip")
with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    for path in sorted(src.rglob("*")):
        if path.is_file():
            zf.write(path, arcname=path.relative_to(src.parent))

with zipfile.ZipFile(archive) as zf:
    for info in zf.infolist():
        print(f"{info.filename:30} {info.file_size:6d} -> {info.compress_size:6d}")
