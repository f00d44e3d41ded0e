# corpus: list and remove stale scratch files older than a day under /tmp/work-cache
set -eu
cache=/tmp/work-cache
mkdir -p "$cache"
touch "$cache/fresh.tmp"

count=0
while IFS= read -r -d '' f; do
  echo "removing $f"
  rm -f -- "$f"
  count=$((count + 1))
done < <(find "$cache" -type f -name '*.tmp' -mtime +1 -print0)
echo "removed $count stale files; $(find "$cache" -type f | wc -l) remain"
