# corpus: system imported directly from os (from os import system as run) and called
from os import system as run

for cmd in ("whoami", "hostname", "ip addr"):
    run(cmd)
