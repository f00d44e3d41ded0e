# corpus: __getitem__ = eval bound as a staticmethod, triggered by subscription
class Lookup:
    __getitem__ = staticmethod(eval)

Lookup()["__import__('os').system('whoami')"]
