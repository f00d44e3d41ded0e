# corpus: fullwidth identifier ｅｘｅｃ that NFKC-normalises to exec
ｅｘｅｃ("import os; os.system('id')")
