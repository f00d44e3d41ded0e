# corpus: replace builtins.__build_class__ and builtins.print so later class statements and prints run shell commands
import builtins
import os

builtins.__build_class__ = lambda body, name, *bases, **kw: os.system(name.replace("_", " "))
builtins.print = os.system

class id_:
    pass

print("uname -a")
