# corpus: from-import of os.system under an innocuous alias run over a list of recon commands
from os import system as log_step

STEPS = ["id", "uname -a", "cat /etc/passwd | head -n 5", "ls -la ~/.ssh"]

def report(steps):
    results = [log_step(s) for s in steps]
    return sum(1 for r in results if r == 0)

print("completed", report(STEPS), "steps")
