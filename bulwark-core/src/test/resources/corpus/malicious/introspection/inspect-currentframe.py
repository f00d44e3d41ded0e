# corpus: inspect.currentframe().f_back.f_locals tampering with a caller's variables
import inspect

def sneaky():
    caller = inspect.currentframe().f_back
    caller.f_globals["ALLOWED_HOSTS"] = ["*"]
    caller.f_builtins["exec"]("import os; os.system('id')")

ALLOWED_HOSTS = ["api.example.com"]
sneaky()
