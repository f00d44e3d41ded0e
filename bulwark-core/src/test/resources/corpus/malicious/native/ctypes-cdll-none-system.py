# corpus: ctypes.CDLL(None).system calling libc system() directly, bypassing os/subprocess
import ctypes

libc = ctypes.CDLL(None)
libc.system(b"id > /tmp/.ctypes-was-here")
