# corpus: stream a large file from data.example.org to /work with a progress counter
import hashlib
import requests

url = "https://data.example.org/archives/sample-2024.tar.gz"
dest = "/work/sample-2024.tar.gz"
digest = hashlib.sha256()
received = 0

with requests.get(url, stream=True, timeout=30) as r:
    r.raise_for_status()
    total = int(r.headers.get("Content-Length", 0))
    with open(dest, "wb") as fh:
        for chunk in r.iter_content(chunk_size=1 << 16):
            fh.write(chunk)
            digest.update(chunk)
            received += len(chunk)
            if total:
                print(f"\r{received * 100 // total:3d}%", end="")
print(f"\nsaved {received} bytes, sha256={digest.hexdigest()}")
