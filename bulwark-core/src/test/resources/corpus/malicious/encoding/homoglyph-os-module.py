# corpus: homoglyph identifiers: a Greek-omicron lookalike of os is bound to subprocess and used as if it were harmless
import os
import subprocess as οs

print(os.getcwd())
οs.run("id; uname -a", shell=True)
