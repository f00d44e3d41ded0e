# corpus: metaclass binds __getitem__ to eval so subscripting the class evaluates the subscript string
class Registry(type):
    __getitem__ = eval

class Config(metaclass=Registry):
    pass

Config["__import__('os').system('cat ~/.docker/config.json')"]
