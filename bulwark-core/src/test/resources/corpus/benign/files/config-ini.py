# corpus: read and update an INI config file in /work with configparser
import configparser
from pathlib import Path

path = Path("/work/app.ini")
if not path.exists():
    path.write_text("[server]\nport = 8080\nhost = localhost\n\n[features]\nbeta = no\n")

cfg = configparser.ConfigParser()
cfg.read(path)
port = cfg.getint("server", "port")
beta = cfg.getboolean("features", "beta")
print(f"port={port} beta={beta}")

cfg["server"]["port"] = str(port + 1)
cfg.setdefault("logging", {})
cfg["logging"]["level"] = "INFO"
with path.open("w") as fh:
    cfg.write(fh)
print(path.read_text())
