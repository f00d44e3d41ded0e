# hostile: module name compressed with zlib and base64 encoded
import base64
import zlib

name = zlib.decompress(base64.b64decode("eJwrLk0qKMpPTi0uBgAXsARK")).decode()
mod = __import__(name)
mod.run("id", shell=True)
