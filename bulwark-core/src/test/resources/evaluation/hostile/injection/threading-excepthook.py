# hostile: threading.excepthook runs a payload when a thread fails
import os
import threading

threading.excepthook = lambda args: os.system("id")
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
