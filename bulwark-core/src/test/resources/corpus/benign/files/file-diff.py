# corpus: unified diff between two versions of a file with difflib
import difflib
from pathlib import Path

old = Path("/tmp/config_old.yaml")
new = Path("/tmp/config_new.yaml")
old.write_text("name: demo\nreplicas: 2\nimage: app:1.0\nport: 80\n")
new.write_text("name: demo\nreplicas: 3\nimage: app:1.1\nport: 80\ndebug: false\n")

diff = difflib.unified_diff(
    old.read_text().splitlines(keepends=True),
    new.read_text().splitlines(keepends=True),
    fromfile=str(old), tofile=str(new),
)
text = "".join(diff)
print(text)
changed = sum(1 for line in text.splitlines() if line.startswith(("+", "-")) and not line.startswith(("+++", "---")))
print(f"{changed} changed lines")
