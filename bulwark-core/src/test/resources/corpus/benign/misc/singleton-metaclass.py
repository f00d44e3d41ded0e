# corpus: singleton pattern implemented with a small metaclass overriding __call__
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class AppConfig(metaclass=Singleton):
    def __init__(self, env="dev"):
        self.env = env
        self.values = {}

    def set(self, key, value):
        self.values[key] = value

a = AppConfig("prod")
b = AppConfig()
a.set("workers", 4)
print(a is b, b.env, b.values)
