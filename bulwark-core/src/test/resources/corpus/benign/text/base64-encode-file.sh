# corpus: base64-encode a report in /work for embedding and verify the round trip with cmp
set -euo pipefail
report=/work/report.txt
printf 'run 42\npassed 118\nfailed 2\n' > "$report"

base64 -w 0 "$report" > "$report.b64"
echo "encoded $(wc -c < "$report") bytes into $(wc -c < "$report.b64") characters"
base64 -d "$report.b64" > /tmp/report.roundtrip
cmp -s "$report" /tmp/report.roundtrip && echo "round trip ok"
sha256sum "$report" | cut -d' ' -f1
