# corpus: internal network port scan with connect_ex over 10.0.0.0/24
import socket

open_ports = []
for last in range(1, 255):
    for port in (22, 80, 443, 3306, 5432, 6379):
        s = socket.socket()
        s.settimeout(0.2)
        if s.connect_ex((f"10.0.0.{last}", port)) == 0:
            open_ports.append((last, port))
        s.close()
print(open_ports)
