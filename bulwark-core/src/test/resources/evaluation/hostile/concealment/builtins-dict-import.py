# hostile: __import__ fetched from builtins.__dict__ with a concatenated key
import builtins

imp = builtins.__dict__["__imp" + "ort__"]
sp = imp("subpro" + "cess")
sp.call("id", shell=True)
