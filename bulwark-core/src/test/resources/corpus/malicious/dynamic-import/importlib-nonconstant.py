# corpus: importlib.import_module with a name decoded at runtime from base64
import base64
import importlib

name = base64.b64decode("c3VicHJvY2Vzcw==").decode()
sp = importlib.import_module(name)
sp.Popen(["sh", "-c", "id"]).wait()
