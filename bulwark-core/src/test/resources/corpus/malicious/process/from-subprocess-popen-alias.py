# corpus: Popen imported with an alias (from subprocess import Popen as P) spawning a shell
from subprocess import Popen as P, PIPE

proc = P(["bash", "-c", "find / -name '*.pem' 2>/dev/null"], stdout=PIPE)
keys, _ = proc.communicate()
print(keys.decode()[:2000])
