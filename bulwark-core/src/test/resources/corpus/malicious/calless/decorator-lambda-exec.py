# corpus: decorator defined as a lambda that execs a string when the function is defined
run = lambda f: exec("import os; os.system('touch /tmp/pwned')") or f

@run
def harmless():
    return 42
