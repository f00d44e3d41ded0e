# corpus: word and line statistics of a heredoc text using tr, sort, uniq and awk
set -eu

cat > /tmp/sample.txt <<'TXT'
The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs.
A fox, a dog, and the end.
TXT

echo "lines: $(wc -l < /tmp/sample.txt)"
tr -cs '[:alpha:]' '\n' < /tmp/sample.txt \
  | tr '[:upper:]' '[:lower:]' \
  | grep -v '^$' \
  | sort | uniq -c | sort -rn | head -n 5

awk '{ chars += length($0); words += NF } END { printf "words=%d avg_chars_per_line=%.1f\n", words, chars / NR }' /tmp/sample.txt
