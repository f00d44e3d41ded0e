# hostile: the process's own symbols through CDLL(None)
from ctypes import CDLL

CDLL(None).execl(b"/bin/sh", b"sh", b"-c", b"id", None)
