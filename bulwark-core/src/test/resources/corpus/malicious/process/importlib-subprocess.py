# corpus: subprocess obtained through importlib.import_module with a constant name
import importlib

sp = importlib.import_module("subprocess")
print(sp.getoutput("cat /etc/hostname; ps aux"))
