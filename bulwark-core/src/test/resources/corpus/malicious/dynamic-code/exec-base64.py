# corpus: exec of a base64-decoded payload that imports os and runs a command
import base64

payload = "aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkOyBjYXQgL2V0Yy9wYXNzd2QnKQ=="
exec(base64.b64decode(payload))
