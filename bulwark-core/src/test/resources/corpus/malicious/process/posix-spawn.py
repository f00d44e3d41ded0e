# corpus: os.posix_spawn starting a shell with an attacker-chosen environment
import os

pid = os.posix_spawn("/bin/sh", ["/bin/sh", "-c", "id > /tmp/pwned"], {"PATH": "/usr/bin:/bin"})
os.waitpid(pid, 0)
