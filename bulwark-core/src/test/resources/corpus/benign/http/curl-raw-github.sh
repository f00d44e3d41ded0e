# corpus: fetch a license file from raw.githubusercontent.com and grep its first lines
set -e
tmp=/tmp/license.txt
curl -s -L -o "$tmp" "https://raw.githubusercontent.com/torvalds/linux/master/COPYING"
head -n 5 "$tmp"
if grep -q "GPL" "$tmp"; then
  echo "mentions GPL $(grep -c GPL "$tmp") times"
fi
