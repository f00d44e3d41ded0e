# corpus: report the ten largest files and directory sizes under /work
set -euo pipefail

root=${1:-/work}

echo "== largest files =="
find "$root" -type f -not -path '*/.git/*' -printf '%s\t%p\n' 2>/dev/null \
  | sort -rn | head -n 10 \
  | awk -F'\t' '{ printf "%8.1f KiB  %s\n", $1 / 1024, $2 }'

echo "== directories =="
du -sh "$root"/*/ 2>/dev/null | sort -rh | head -n 10

echo "== file types =="
find "$root" -type f -name '*.*' 2>/dev/null | sed -E 's/.*\.([^./]+)$/\1/' | sort | uniq -c | sort -rn | head
