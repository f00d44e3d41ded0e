# hostile: str.format builds the function name
import os

opener = getattr(os, "{}{}".format("po", "pen"))
for line in opener("cat /etc/hostname"):
    print(line, end="")
