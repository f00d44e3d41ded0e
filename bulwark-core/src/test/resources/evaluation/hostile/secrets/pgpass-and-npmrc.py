# hostile: database and registry tokens in dotfiles
import os

for f in ("~/.pgpass", "~/.npmrc", "~/.pypirc"):
    p = os.path.expanduser(f)
    if os.path.exists(p):
        print(p, open(p).read())
