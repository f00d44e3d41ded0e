# hostile: a raw packet socket to bypass the proxy entirely
import socket

s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.bind(("eth0", 0))
s.send(b"\xff" * 64)
