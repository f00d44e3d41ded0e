# corpus: direct os.system call running a shell command to enumerate the host
import os

os.system("id; uname -a; cat /etc/passwd | head -n 5")
