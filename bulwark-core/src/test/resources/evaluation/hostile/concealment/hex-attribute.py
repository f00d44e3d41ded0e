# hostile: attribute name hidden as hex bytes
import os

name = bytes.fromhex("73797374656d").decode()
getattr(os, name)("whoami")
