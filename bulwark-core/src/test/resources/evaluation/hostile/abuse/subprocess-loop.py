# hostile: child processes spawned without end
import subprocess

while True:
    subprocess.Popen(["sleep", "3600"])
