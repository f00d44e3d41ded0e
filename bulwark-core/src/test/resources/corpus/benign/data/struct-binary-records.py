# corpus: pack and unpack fixed-width binary records with struct into a file in /tmp
import struct
from pathlib import Path

RECORD = struct.Struct("<I16sdH")  # id, name, score, flags
rows = [(1, "ana", 91.5, 3), (2, "bo", 78.25, 0), (3, "cy", 88.0, 1)]

path = Path("/tmp/records.bin")
with path.open("wb") as fh:
    for rid, name, score, flags in rows:
        fh.write(RECORD.pack(rid, name.encode().ljust(16, b"\0"), score, flags))

print(path.stat().st_size, "bytes,", RECORD.size, "per record")
with path.open("rb") as fh:
    for chunk in iter(lambda: fh.read(RECORD.size), b""):
        rid, name, score, flags = RECORD.unpack(chunk)
        print(rid, name.rstrip(b"\0").decode(), score, f"{flags:04b}")
