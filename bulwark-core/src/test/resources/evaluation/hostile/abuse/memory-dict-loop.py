# hostile: a dict grown without bound
d = {}
i = 0
while True:
    d[i] = "x" * 10 ** 6
    i += 1
