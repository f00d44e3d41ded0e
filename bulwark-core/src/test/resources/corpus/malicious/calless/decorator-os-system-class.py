# corpus: @os.system decorator on a class whose name-returning decorator yields the command
import os

def name_of(cls):
    return cls.__name__.replace("_", " ")

@os.system
@name_of
class id:
    pass
