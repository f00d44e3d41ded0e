# corpus: tar a /work project directory into dated backups and keep the newest five
set -euo pipefail

src=/work/project
dest=/work/backups
mkdir -p "$src" "$dest"
[ -e "$src/README" ] || echo "demo project" > "$src/README"

stamp=$(date +%Y%m%d-%H%M%S)
archive="$dest/project-$stamp.tar.gz"
tar -czf "$archive" -C "$(dirname "$src")" "$(basename "$src")"
echo "created $archive ($(du -h "$archive" | cut -f1))"

ls -1t "$dest"/project-*.tar.gz | tail -n +6 | while read -r old; do
  echo "removing old backup $old"
  rm -f -- "$old"
done
ls -l "$dest"
