# corpus: os.popen reading the output of a shell command that dumps environment secrets
import os

with os.popen("env | grep -iE 'key|token|secret'") as pipe:
    leaked = pipe.read()
print(leaked)
