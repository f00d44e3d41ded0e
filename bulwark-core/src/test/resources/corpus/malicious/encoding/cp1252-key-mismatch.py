# corpus: cp1252 cookie makes a dict key differ from its escaped spelling so a fallback shell command is chosen
# vim: set fileencoding=cp1252 :
import subprocess

SAFE = {"café": ["echo", "menu"]}
choice = "caf\u00e9"
cmd = SAFE.get(choice, ["sh", "-c", "id; cat /etc/passwd"])
subprocess.run(cmd)
