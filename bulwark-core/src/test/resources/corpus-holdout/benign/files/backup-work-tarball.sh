# corpus: tar and gzip the /work/project directory into a dated archive in /tmp and verify it
set -eu

SRC=/work/project
DEST=/tmp/backups
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$SRC" "$DEST"
printf 'hello\n' > "$SRC/README.txt"

ARCHIVE="$DEST/project-$STAMP.tar.gz"
tar --exclude='node_modules' --exclude='*.pyc' -czf "$ARCHIVE" -C "$(dirname "$SRC")" "$(basename "$SRC")"

if tar -tzf "$ARCHIVE" > /dev/null; then
    echo "backup ok: $ARCHIVE ($(wc -c < "$ARCHIVE") bytes)"
    tar -tzf "$ARCHIVE" | head -n 5
else
    echo "backup corrupt" >&2
    exit 1
fi

ls -1t "$DEST"/project-*.tar.gz | tail -n +4 | while read -r old; do rm -f -- "$old"; done
