# corpus: POST a JSON report built from local stats to api.example.com with curl
set -euo pipefail

files=$(find /work -maxdepth 2 -type f 2>/dev/null | wc -l)
lines=$(find /work -maxdepth 2 -name '*.py' -type f -exec cat {} + 2>/dev/null | wc -l)
payload=$(printf '{"files": %d, "python_lines": %d, "host": "%s"}' "$files" "$lines" "sandbox")

echo "sending: $payload"
curl -s -X POST "https://api.example.com/v1/reports" \
  -H 'Content-Type: application/json' \
  --data "$payload" \
  -w '\nstatus=%{http_code}\n'
