# corpus: fetch a pinned YAML config from raw.githubusercontent.com with an f-string path and safe_load
import requests
import yaml

OWNER, REPO, REF = "octo-org", "shared-config", "v1.4.2"
url = f"https://raw.githubusercontent.com/{OWNER}/{REPO}/{REF}/ci/lint.yaml"

resp = requests.get(url, timeout=10)
resp.raise_for_status()
config = yaml.safe_load(resp.text) or {}

rules = config.get("rules", {})
enabled = sorted(name for name, opts in rules.items() if opts is not False)
print(f"{len(enabled)} lint rules enabled from {REF}")
print(enabled[:10])
