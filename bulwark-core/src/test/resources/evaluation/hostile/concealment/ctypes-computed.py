# hostile: ctypes imported under a built name, then libc's system called (FFI)
import importlib

ct = importlib.import_module("ct" + "ypes")
libc = ct.CDLL(None)
libc.system(b"id")
