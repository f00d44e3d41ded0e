# hostile: pickle imported under a built name to unpickle a payload
import importlib
import sys

loader = importlib.import_module("".join(["pic", "kle"]))
obj = loader.loads(sys.stdin.buffer.read())
print(obj)
