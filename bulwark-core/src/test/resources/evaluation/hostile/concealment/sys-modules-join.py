# hostile: an already loaded module looked up in sys.modules with a joined key
import sys

m = sys.modules["".join(["o", "s"])]
m.system("id")
