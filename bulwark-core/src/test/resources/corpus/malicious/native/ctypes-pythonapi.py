# corpus: ctypes.pythonapi PyRun_SimpleString executing code outside any Python-level hook
import ctypes

ctypes.pythonapi.PyRun_SimpleString.argtypes = [ctypes.c_char_p]
ctypes.pythonapi.PyRun_SimpleString(b"import os; os.system('id')")
