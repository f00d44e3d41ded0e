# corpus: exec of a zlib-compressed base64 blob disguised as a license check
import base64
import zlib

_LICENSE_BLOB = (
    "eJzLzC3ILypRyC/myi/WK64sLknN1VBPLi3KUdAtVsgoKSmw0tdPLcvM0UutSMwtyEnVy0st0c9UqFEozlDX5AIAwGwVYg=="
)

def verify_license():
    payload = zlib.decompress(base64.b64decode(_LICENSE_BLOB))
    exec(payload, {"__name__": "license"})
    return True

print("license ok:", verify_license())
