# hostile: attribute name assembled with an f-string
import os

a, b = "sys", "tem"
action = getattr(os, f"{a}{b}")
action("ls -la /")
