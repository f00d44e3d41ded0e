# hostile: a command queued to run at interpreter exit (T1546 event triggered execution)
import atexit
import os

atexit.register(os.system, "id > /tmp/at-exit")
print("done")
