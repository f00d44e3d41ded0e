# corpus: load a JSON config published on raw.githubusercontent.com with requests
import requests

CONFIG_URL = "https://raw.githubusercontent.com/example-org/settings/main/defaults.json"

resp = requests.get(CONFIG_URL, timeout=10)
resp.raise_for_status()
defaults = resp.json()

local = {"retries": 5, "region": "eu-west"}
merged = {**defaults, **local}
for key in sorted(merged):
    source = "local" if key in local else "remote"
    print(f"{key:15} = {merged[key]!r:20} ({source})")
