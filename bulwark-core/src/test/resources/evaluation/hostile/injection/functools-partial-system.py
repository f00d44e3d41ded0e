# hostile: functools.partial wraps os.system so the call site looks harmless
import functools
import os

task = functools.partial(os.system, "id")
task()
