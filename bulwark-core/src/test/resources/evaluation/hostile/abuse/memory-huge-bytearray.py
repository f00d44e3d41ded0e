# hostile: one enormous allocation
buf = bytearray(10 ** 12)
print(len(buf))
