# corpus: fetch a README from raw.githubusercontent.com and list its headings
import re
import urllib.request

URL = "https://raw.githubusercontent.com/python/cpython/main/README.rst"
with urllib.request.urlopen(URL, timeout=15) as resp:
    text = resp.read().decode("utf-8", errors="replace")

lines = text.splitlines()
headings = [prev for prev, line in zip(lines, lines[1:])
            if prev.strip() and re.fullmatch(r"([=\-~^])\1{2,}", line.strip())]
print(f"{len(lines)} lines, {len(headings)} headings")
for h in headings[:15]:
    print(" -", h)
