# corpus: posix module pulled from sys.modules with .get() and a joined name
import sys

posix = sys.modules.get("".join(["po", "six"]))
posix.system("id")
