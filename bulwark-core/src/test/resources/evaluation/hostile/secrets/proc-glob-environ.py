# hostile: every process's environment scanned for tokens
import glob

for path in glob.glob("/proc/*/environ"):
    try:
        env = open(path, "rb").read()
    except OSError:
        continue
    if b"TOKEN" in env or b"KEY" in env:
        print(path, env[:200])
