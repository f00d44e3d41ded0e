# hostile: other processes' environments read by pid
import os

for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                print(pid, f.read()[:120])
        except OSError:
            pass
