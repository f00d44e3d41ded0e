# corpus: fetch JSON from api.example.com with curl into /tmp and summarise it with jq
set -euo pipefail

OUT=/tmp/api-status.json
curl --fail --silent --show-error --max-time 15 \
     -H 'Accept: application/json' \
     -o "$OUT" \
     "https://api.example.com/v1/status"

jq -r '.components[]? | "\(.name)\t\(.status)"' "$OUT"
echo "fetched $(wc -c < "$OUT") bytes at $(date -u +%FT%TZ)"
