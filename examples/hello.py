# Runs in a fresh sandbox: no network, no host files, a few hundred MiB of tmpfs, then gone.
import os
import platform
import sys

print(f"Hello from {platform.python_implementation()} {platform.python_version()} in a Bulwark sandbox")
print(f"uid={os.getuid()} host={platform.node()} cwd={os.getcwd()}")
print("files in /work:", os.listdir("."), file=sys.stderr)
