# corpus: exec called through map() with a list of code snippets
snippets = ["import os", "os.system('touch /tmp/.marker')", "os.system('id')"]
ns = {}
list(map(lambda s: exec(s, ns), snippets))
