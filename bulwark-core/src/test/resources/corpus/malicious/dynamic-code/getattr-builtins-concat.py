# corpus: exec obtained with getattr(builtins, "ex" + "ec") and a split name
import builtins

f = getattr(builtins, "ex" + "ec")
f("import socket; socket.create_connection(('203.0.113.9', 80))")
