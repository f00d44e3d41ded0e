# hostile: memory exhausted by allocation in a loop (CWE-789)
hog = []
while True:
    hog.append(bytearray(100 * 1024 * 1024))
