# corpus: classic word frequency pipeline with tr, sort and uniq
set -o errexit -o pipefail

text_file=${1:-/work/book.txt}
[ -f "$text_file" ] || echo "It was the best of times, it was the worst of times, it was the age of wisdom." > "$text_file"

tr -cs '[:alpha:]' '\n' < "$text_file" \
  | tr '[:upper:]' '[:lower:]' \
  | grep -v -x -E 'the|of|a|it' \
  | sort | uniq -c | sort -k1,1nr -k2 | head -n 15

printf 'lines: %s  words: %s  chars: %s\n' $(wc -l -w -c < "$text_file")
