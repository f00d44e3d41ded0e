# hostile: compile() of decoded source, code object run later
import base64

co = compile(base64.b64decode(b"aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk=").decode(), "<cfg>", "exec")
namespace = {}
exec(co, namespace)
