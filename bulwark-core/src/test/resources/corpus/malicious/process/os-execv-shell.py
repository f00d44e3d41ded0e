# corpus: os.execv replacing the interpreter with /bin/sh running a command
import os

os.execv("/bin/sh", ["sh", "-c", "cat /proc/1/environ | tr '\\0' '\\n'"])
