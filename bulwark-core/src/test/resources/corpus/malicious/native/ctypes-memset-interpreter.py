# corpus: ctypes writing into interpreter memory to clear a builtin's dict slot (memory tampering)
import ctypes
import sys

addr = id(sys.modules["builtins"].__dict__)
raw = (ctypes.c_char * 64).from_address(addr)
ctypes.memset(addr + 16, 0, 8)
print(bytes(raw[:16]))
