# corpus: tiny parser for indented key: value config into nested dicts
CONFIG = """\
app:
  name: demo
  debug: false
  server:
    port: 8080
    hosts: a, b, c
owner: ops
"""

def parse(text):
    root = {}
    stack = [(-1, root)]
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        key, _, value = raw.strip().partition(":")
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        value = value.strip()
        if not value:
            parent[key] = {}
            stack.append((indent, parent[key]))
        elif "," in value:
            parent[key] = [v.strip() for v in value.split(",")]
        elif value.isdigit():
            parent[key] = int(value)
        else:
            parent[key] = {"true": True, "false": False}.get(value, value)
    return root

print(parse(CONFIG))
