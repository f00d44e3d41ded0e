# corpus: str.format attribute traversal "{0.__class__.__init__.__globals__}" leaking globals
SECRET_KEY = "not-a-real-key"

class Config:
    def __init__(self):
        self.name = "app"

template = "{0.__class__.__init__.__globals__[SECRET_KEY]}"
print(template.format(Config()))
