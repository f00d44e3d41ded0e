# hostile: code.InteractiveInterpreter runs a string as code
import code

code.InteractiveInterpreter().runsource("import os; os.system('id')")
