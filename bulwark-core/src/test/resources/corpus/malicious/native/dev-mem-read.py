# corpus: opening /dev/mem and /dev/kmem to read physical memory
import os

for dev in ("/dev/mem", "/dev/kmem", "/dev/port"):
    try:
        fd = os.open(dev, os.O_RDONLY)
        os.lseek(fd, 0xF0000, os.SEEK_SET)
        print(dev, os.read(fd, 64).hex())
        os.close(fd)
    except OSError as e:
        print(dev, e)
