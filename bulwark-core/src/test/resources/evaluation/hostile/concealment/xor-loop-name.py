# hostile: XOR-encoded name decoded in a loop
key = 0x2A
enc = [0x45, 0x59]
name = ""
for c in enc:
    name += chr(c ^ key)
mod = __import__(name)
mod.system("id")
