# hostile: docker registry auth tokens read
import json
from pathlib import Path

cfg = json.loads((Path.home() / ".docker" / "config.json").read_text())
print(cfg.get("auths"))
