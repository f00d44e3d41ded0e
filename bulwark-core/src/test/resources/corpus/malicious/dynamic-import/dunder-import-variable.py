# corpus: __import__ of a module name held in a variable computed from a list
names = ["json", "subprocess", "re"]
mod = __import__(names[1])
mod.call("cat /etc/passwd", shell=True)
