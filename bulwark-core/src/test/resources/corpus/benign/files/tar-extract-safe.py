# corpus: create a tar.gz of own files and extract it with the data filter
import tarfile
from pathlib import Path

work = Path("/tmp/tar-demo")
(work / "src").mkdir(parents=True, exist_ok=True)
for i in range(3):
    (work / "src" / f"part{i}.txt").write_text(f"chunk {i}\n" * (i + 1))

bundle = work / "bundle.tar.gz"
with tarfile.open(bundle, "w:gz") as tar:
    tar.add(work / "src", arcname="src")

out = work / "restored"
with tarfile.open(bundle, "r:gz") as tar:
    print(tar.getnames())
    tar.extractall(out, filter="data")

for f in sorted(out.rglob("*.txt")):
    print(f.relative_to(out), len(f.read_text().splitlines()), "lines")
