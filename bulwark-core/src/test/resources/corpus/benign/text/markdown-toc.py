# corpus: generate a table of contents from markdown headings
import re

DOC = """# Project
Intro text.
## Installation
### From source
## Usage
### CLI
### Library API
## FAQ
```
# not a heading inside code
```
"""

def anchor(title):
    return re.sub(r"[^\w\- ]", "", title).strip().lower().replace(" ", "-")

toc, in_code = [], False
for line in DOC.splitlines():
    if line.startswith("```"):
        in_code = not in_code
        continue
    m = re.match(r"^(#{2,6})\s+(.*)", line)
    if m and not in_code:
        level = len(m.group(1)) - 2
        toc.append(f"{'  ' * level}- [{m.group(2)}](#{anchor(m.group(2))})")
print("\n".join(toc))
