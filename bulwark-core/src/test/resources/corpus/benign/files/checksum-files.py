# corpus: compute SHA-256 checksums of files and write a manifest
import hashlib
from pathlib import Path

root = Path("/work/dist")
root.mkdir(parents=True, exist_ok=True)
(root / "app.txt").write_text("version 1.2.3\n")
(root / "data.bin").write_bytes(bytes(range(256)) * 4)

def sha256(path: Path, chunk: int = 65536) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()

lines = [f"{sha256(p)}  {p.name}" for p in sorted(root.iterdir()) if p.is_file() and p.name != "SHA256SUMS"]
(root / "SHA256SUMS").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
