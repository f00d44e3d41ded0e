# corpus: parse Apache combined log lines with a regex and count status codes
import re
from collections import Counter

LOG = """\
10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326 "-" "Mozilla/5.0"
10.0.0.2 - - [10/Oct/2024:13:55:40 +0000] "POST /api/login HTTP/1.1" 401 112 "-" "curl/8.0"
10.0.0.1 - - [10/Oct/2024:13:56:01 +0000] "GET /missing HTTP/1.1" 404 0 "-" "Mozilla/5.0"
10.0.0.3 - - [10/Oct/2024:13:57:12 +0000] "GET /index.html HTTP/1.1" 200 2326 "-" "Safari"
"""

PATTERN = re.compile(
    r'(?P<ip>\S+) \S+ \S+ \[(?P<ts>[^\]]+)\] "(?P<method>\w+) (?P<path>\S+) [^"]*" '
    r'(?P<status>\d{3}) (?P<size>\d+)'
)

statuses, paths, total = Counter(), Counter(), 0
for line in LOG.splitlines():
    m = PATTERN.match(line)
    if not m:
        continue
    statuses[m["status"]] += 1
    paths[m["path"]] += 1
    total += int(m["size"])

print("status codes:", dict(statuses))
print("top paths:", paths.most_common(2))
print("bytes served:", total)
