# hostile: reversed module name passed to importlib (obfuscation, MITRE ATT&CK T1027)
import importlib

def load():
    return importlib.import_module("ssecorpbus"[::-1])

proc = load()
proc.run(["sh", "-c", "uname -a"])
