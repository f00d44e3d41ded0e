# corpus: parse key=value config text with sections into JSON
import json
import re

TEXT = """
; comment
[database]
host = db.internal
port = 5432

[cache]
enabled = true
ttl = 300  # seconds
"""

def coerce(value: str):
    value = value.split("#", 1)[0].strip()
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value

config, section = {}, None
for line in TEXT.splitlines():
    line = line.strip()
    if not line or line.startswith((";", "#")):
        continue
    if m := re.fullmatch(r"\[(\w+)\]", line):
        section = config.setdefault(m.group(1), {})
    elif "=" in line and section is not None:
        key, value = line.split("=", 1)
        section[key.strip()] = coerce(value)
print(json.dumps(config, indent=2))
