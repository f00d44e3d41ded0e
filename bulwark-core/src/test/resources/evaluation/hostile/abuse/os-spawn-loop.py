# hostile: posix_spawn in an endless loop
import os

while True:
    os.posix_spawn("/bin/sleep", ["sleep", "3600"], {})
