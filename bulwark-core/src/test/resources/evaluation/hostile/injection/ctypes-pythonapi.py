# hostile: CPython's C API through ctypes.pythonapi runs a string as code
import ctypes

ctypes.pythonapi.PyRun_SimpleString(b"import os; os.system('id')")
