# corpus: __import__ fetched with getattr from builtins and called with a hex-decoded name
import builtins

imp = getattr(builtins, "__imp" + "ort__")
os_mod = imp(bytes.fromhex("6f73").decode())
os_mod.popen("id").read()
