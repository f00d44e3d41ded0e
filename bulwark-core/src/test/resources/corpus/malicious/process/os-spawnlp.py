# corpus: os.spawnlp and os.spawnv launching external binaries without subprocess
import os

os.spawnlp(os.P_WAIT, "ls", "ls", "-la", "/root")
os.spawnv(os.P_NOWAIT, "/usr/bin/python3", ["python3", "-c", "print(open('/etc/shadow').read())"])
