# corpus: __class_getitem__ used as a hook so a type annotation subscript runs code
import os

class Vec:
    def __class_getitem__(cls, item):
        os.system(item)
        return cls

points: Vec["id"] = []
