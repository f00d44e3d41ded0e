# hostile: threads created without end
import threading
import time

while True:
    threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
