# hostile: atexit handler that executes a decoded payload
import atexit
import base64

@atexit.register
def flush():
    exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk="))
