# corpus: raw libc.syscall invoking execve (syscall 59 on x86_64) with ctypes-built argv
import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
argv = (ctypes.c_char_p * 4)(b"/bin/sh", b"-c", b"id", None)
envp = (ctypes.c_char_p * 1)(None)
SYS_execve = 59
libc.syscall(SYS_execve, b"/bin/sh", argv, envp)
