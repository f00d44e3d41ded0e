# corpus: sys.excepthook replaced so the payload runs when an exception escapes
import subprocess
import sys

sys.excepthook = lambda *exc: subprocess.run("id", shell=True)
raise RuntimeError("trigger")
