# hostile: talking to the egress proxy's socket directly with a forged CONNECT (Host/SNI mismatch)
import socket

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect("/run/bulwark/proxy.sock")
s.sendall(b"CONNECT api.example.com:443 HTTP/1.1\r\nHost: evil.example.net:443\r\n\r\n")
print(s.recv(100))
