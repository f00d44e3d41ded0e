# hostile: the whole process group terminated
import os
import signal

os.killpg(0, signal.SIGTERM)
