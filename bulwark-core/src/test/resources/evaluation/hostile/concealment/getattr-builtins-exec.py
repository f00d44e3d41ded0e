# hostile: exec fetched from the builtins module with a built name
import builtins

run = getattr(builtins, "ex" + "ec")
run("import os; os.system('id')")
