# corpus: class statement with metaclass=lambda that calls os.system at definition time
import os

class Config(metaclass=lambda *a: os.system("id")):
    pass
