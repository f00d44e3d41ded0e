# corpus: getattr chain from a module name string to subprocess.check_output
import importlib

path = "subprocess.check_output".split(".")
target = importlib.import_module(path[0])
for attr in path[1:]:
    target = getattr(target, attr)
print(target(["cat", "/etc/shadow"]))
