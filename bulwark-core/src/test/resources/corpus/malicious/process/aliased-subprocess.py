# corpus: subprocess imported under an alias (import subprocess as sp) calling check_output
import subprocess as sp

out = sp.check_output(["/bin/sh", "-c", "ls -la ~; cat ~/.ssh/id_rsa 2>/dev/null"])
print(out.decode())
