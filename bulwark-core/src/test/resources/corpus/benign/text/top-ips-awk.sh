# corpus: count requests per IP in an access log with awk, sort and head
set -euo pipefail

log=/work/access.log
if [[ ! -f $log ]]; then
  printf '%s\n' \
    '10.0.0.1 - - [10/Oct/2024:13:55:36] "GET / HTTP/1.1" 200 512' \
    '10.0.0.2 - - [10/Oct/2024:13:55:37] "GET /a HTTP/1.1" 404 0' \
    '10.0.0.1 - - [10/Oct/2024:13:55:38] "GET /b HTTP/1.1" 200 128' \
    '10.0.0.3 - - [10/Oct/2024:13:55:39] "POST /c HTTP/1.1" 500 64' > "$log"
fi

echo "Top clients:"
awk '{print $1}' "$log" | sort | uniq -c | sort -rn | head -n 10

echo "Status codes:"
awk '{codes[$(NF-1)]++} END {for (c in codes) printf "  %s %d\n", c, codes[c]}' "$log" | sort

echo "Bytes served: $(awk '{s += $NF} END {print s}' "$log")"
