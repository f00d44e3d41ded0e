# hostile: find_library + cdll.LoadLibrary, then fork/exec through libc
import ctypes
import ctypes.util

libc = ctypes.cdll.LoadLibrary(ctypes.util.find_library("c"))
if libc.fork() == 0:
    libc.execlp(b"sh", b"sh", b"-c", b"id", None)
