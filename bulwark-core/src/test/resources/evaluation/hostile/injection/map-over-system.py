# hostile: map() calls os.system for each command
import os

list(map(os.system, ["id", "uname -a"]))
