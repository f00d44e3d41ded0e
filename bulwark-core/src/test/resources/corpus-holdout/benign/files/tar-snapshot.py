# corpus: create a gzipped tar snapshot of /work/output into /tmp with a filter excluding caches
import tarfile
import time
from pathlib import Path

SRC = Path("/work/output")
DEST = Path("/tmp/snapshots")
DEST.mkdir(parents=True, exist_ok=True)

def exclude_caches(info):
    name = info.name
    if "__pycache__" in name or name.endswith((".pyc", ".tmp")):
        return None
    info.uname = info.gname = "agent"
    return info

SRC.mkdir(parents=True, exist_ok=True)
(SRC / "notes.txt").write_text("snapshot test\n")
archive = DEST / f"output-{time.strftime('%Y%m%d-%H%M%S')}.tar.gz"
with tarfile.open(archive, "w:gz") as tar:
    tar.add(SRC, arcname=SRC.name, filter=exclude_caches)

with tarfile.open(archive) as tar:
    print(archive.name, [m.name for m in tar.getmembers()])
