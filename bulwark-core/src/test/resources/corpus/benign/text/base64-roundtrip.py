# corpus: base64 and zlib encoding of own data for a compact shareable token
import base64
import json
import zlib

report = {"run": 42, "passed": 118, "failed": 2, "failures": ["test_io", "test_dates"]}
raw = json.dumps(report, separators=(",", ":")).encode()
token = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode()
print(f"{len(raw)} bytes -> token of {len(token)} chars")
print(token)

decoded = json.loads(zlib.decompress(base64.urlsafe_b64decode(token)))
assert decoded == report
print("round trip ok:", decoded["failures"])
