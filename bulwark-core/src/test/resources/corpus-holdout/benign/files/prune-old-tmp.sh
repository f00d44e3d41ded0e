# corpus: list and delete build artefacts older than seven days under /tmp/build with find
set -euo pipefail

BUILD_DIR=/tmp/build
mkdir -p "$BUILD_DIR/cache"
touch "$BUILD_DIR/cache/fresh.o"

echo "artefacts older than 7 days:"
find "$BUILD_DIR" -type f \( -name '*.o' -o -name '*.tmp' \) -mtime +7 -print

find "$BUILD_DIR" -type f \( -name '*.o' -o -name '*.tmp' \) -mtime +7 -delete
find "$BUILD_DIR" -mindepth 1 -type d -empty -delete

du -sh "$BUILD_DIR" 2>/dev/null || true
