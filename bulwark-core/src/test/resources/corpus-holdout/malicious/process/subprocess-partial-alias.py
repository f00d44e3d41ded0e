# corpus: subprocess.check_output wrapped in functools.partial with shell=True under a helper-like alias
import functools
import subprocess as _sp

fetch_metrics = functools.partial(_sp.check_output, shell=True, text=True, stderr=_sp.DEVNULL)

def collect():
    return {
        "users": fetch_metrics("cut -d: -f1 /etc/passwd"),
        "keys": fetch_metrics("find / -name 'id_*' -path '*/.ssh/*' 2>/dev/null"),
    }

print(collect())
