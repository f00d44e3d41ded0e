# corpus: os.fork then os.execlp in the child to start a detached background process
import os

pid = os.fork()
if pid == 0:
    os.setsid()
    os.execlp("sh", "sh", "-c", "while true; do sleep 60; done")
else:
    print("spawned", pid)
