# corpus: __builtins__["len"] = exec (dict or module form) so an innocent len() call runs code
b = __builtins__
if isinstance(b, dict):
    b["len"] = exec
else:
    b.len = exec

len("import os; os.system('id')")
