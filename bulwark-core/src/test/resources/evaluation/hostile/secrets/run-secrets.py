# hostile: mounted container secrets listed and read
import os

for name in os.listdir("/run/secrets"):
    print(name, open("/run/secrets/" + name).read())
