# hostile: a string multiplied to exhaust memory
s = "A" * (2 ** 40)
print(len(s))
