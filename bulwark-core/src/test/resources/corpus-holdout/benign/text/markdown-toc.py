# corpus: generate a markdown table of contents with GitHub-style anchors from headings
import re

DOC = """# Bulwark
Intro text.
## Installing
### From source
## Usage
### Policies & Rules
#### Strict mode
## FAQ
```python
# not a heading inside a fence
```
"""

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")

def anchor(text, seen):
    a = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
    n = seen.get(a, 0)
    seen[a] = n + 1
    return a if n == 0 else f"{a}-{n}"

def toc(markdown):
    lines, seen, fenced = [], {}, False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        m = None if fenced else HEADING.match(line)
        if m and len(m.group(1)) > 1:
            depth = len(m.group(1)) - 2
            lines.append(f"{'  ' * depth}- [{m.group(2)}](#{anchor(m.group(2), seen)})")
    return "\n".join(lines)

print(toc(DOC))
