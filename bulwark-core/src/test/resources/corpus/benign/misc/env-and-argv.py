# corpus: read settings from os.environ and sys.argv with defaults and print a summary
import os
import sys

def env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        print(f"warning: {name} is not an integer, using {default}", file=sys.stderr)
        return default

workers = env_int("WORKERS", 4)
home = os.environ.get("HOME", "/work")
log_level = os.getenv("LOG_LEVEL", "info").upper()
inputs = sys.argv[1:] or ["/work/input.csv"]

print(f"python {sys.version_info.major}.{sys.version_info.minor} on {sys.platform}")
print(f"workers={workers} home={home} log_level={log_level}")
print("inputs:", inputs)
if workers > 64:
    sys.exit("too many workers")
