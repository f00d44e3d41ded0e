# hostile: the setup string of a timeit.Timer is code too
from timeit import Timer

t = Timer(stmt="pass", setup="import subprocess; subprocess.run(['id'])")
t.timeit(1)
