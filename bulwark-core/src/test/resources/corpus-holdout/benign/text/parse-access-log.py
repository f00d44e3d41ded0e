# corpus: parse nginx-style access log lines with a named-group regex and summarise status codes
import re
from collections import Counter

LOG = """\
10.1.2.3 - - [12/Mar/2024:10:01:02 +0000] "GET /api/items HTTP/1.1" 200 512 "-" "curl/8.0"
10.1.2.4 - - [12/Mar/2024:10:01:05 +0000] "POST /api/items HTTP/1.1" 201 88 "-" "python-requests/2.31"
10.1.2.3 - - [12/Mar/2024:10:02:11 +0000] "GET /missing HTTP/1.1" 404 19 "-" "Mozilla/5.0"
10.1.2.9 - - [12/Mar/2024:10:03:40 +0000] "GET /api/items?page=2 HTTP/1.1" 200 498 "-" "curl/8.0"
garbage line that should be skipped
"""

LINE = re.compile(
    r'(?P<ip>\S+) \S+ \S+ \[(?P<ts>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]+" '
    r'(?P<status>\d{3}) (?P<size>\d+)'
)

status, paths, skipped, total_bytes = Counter(), Counter(), 0, 0
for raw in LOG.splitlines():
    m = LINE.match(raw)
    if not m:
        skipped += 1
        continue
    status[m["status"]] += 1
    paths[m["path"].split("?")[0]] += 1
    total_bytes += int(m["size"])

print("status:", dict(status))
print("top paths:", paths.most_common(2))
print("bytes:", total_bytes, "skipped:", skipped)
