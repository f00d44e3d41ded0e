# hostile: cffi dlopen of libc and system()
from cffi import FFI

ffi = FFI()
ffi.cdef("int system(const char *command);")
C = ffi.dlopen(None)
C.system(b"id")
