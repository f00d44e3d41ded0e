# corpus: building a function from compiled code with types.FunctionType and calling it
import types

co = compile("import os\nos.system('id')", "x", "exec")
fn = types.FunctionType(co, {"__builtins__": __builtins__})
fn()
