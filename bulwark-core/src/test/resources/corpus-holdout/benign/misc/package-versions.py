# corpus: report installed package versions with importlib.metadata.version and a getattr __version__ fallback
import importlib.metadata
import sys

import numpy

WANTED = ["numpy", "requests", "matplotlib", "definitely-not-installed"]

def version_of(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None

print("python", sys.version.split()[0], sys.platform)
for name in WANTED:
    print(f"{name:28} {version_of(name) or '-'}")
print("numpy.__version__ attr:", getattr(numpy, "__version__", "unknown"))
