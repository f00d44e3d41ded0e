# corpus: replacing a function's __code__ with bytecode of another function to hijack it
import os

def safe_report():
    return "ok"

def payload():
    import os
    return os.popen("cat /etc/passwd").read()

safe_report.__code__ = payload.__code__
print(safe_report())
