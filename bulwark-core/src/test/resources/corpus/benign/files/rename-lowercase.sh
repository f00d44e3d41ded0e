# corpus: rename files in /work/uploads to lowercase with spaces replaced
set -u
dir=/work/uploads
mkdir -p "$dir"
touch "$dir/My Report.PDF" "$dir/Photo 01.JPG" "$dir/notes.txt"

shopt -s nullglob
for f in "$dir"/*; do
  base=$(basename -- "$f")
  new=$(printf '%s' "$base" | tr '[:upper:]' '[:lower:]' | tr ' ' '_')
  if [[ "$base" != "$new" ]]; then
    if [[ -e "$dir/$new" ]]; then
      echo "skip: $new exists" >&2
      continue
    fi
    mv -- "$f" "$dir/$new"
    echo "$base -> $new"
  fi
done
