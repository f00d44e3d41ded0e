# corpus: rewrite keys in an ini file under /work with sed in-place edits and a diff of the change
set -euo pipefail

CONF=/work/app.ini
cat > "$CONF" <<'INI'
[server]
port = 8080
debug = true
workers = 2

[db]
path = /tmp/app.db
INI

cp "$CONF" "$CONF.orig"
sed -i \
  -e 's/^debug = true$/debug = false/' \
  -e 's/^workers = [0-9]\+$/workers = 8/' \
  -e '/^\[db\]$/a timeout = 30' \
  "$CONF"

diff -u "$CONF.orig" "$CONF" || true
grep -n '=' "$CONF" | sed 's/ *= */ -> /'
