# hostile: other processes' command lines scanned for passwords
from pathlib import Path

for p in Path("/proc").glob("[0-9]*/cmdline"):
    try:
        cmd = p.read_bytes().replace(b"\0", b" ")
    except OSError:
        continue
    if b"password" in cmd.lower():
        print(cmd)
