# corpus: compute per-user sums from JSON lines with grep, sed and awk (no jq)
set -euo pipefail

f=/tmp/events.jsonl
cat > "$f" <<'JSON'
{"user":"ana","ms":120}
{"user":"bo","ms":80}
{"user":"ana","ms":45}
{"user":"cy","ms":300}
{"user":"bo","ms":20}
JSON

sed -E 's/.*"user":"([^"]+)".*"ms":([0-9]+).*/\1 \2/' "$f" \
  | awk '{ n[$1]++; s[$1] += $2 } END { for (u in s) printf "%-5s count=%d total=%d avg=%.1f\n", u, n[u], s[u], s[u]/n[u] }' \
  | sort
echo "events: $(grep -c . "$f")"
