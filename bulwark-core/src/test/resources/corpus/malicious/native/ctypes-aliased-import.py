# corpus: ctypes reached via an aliased from-import (from ctypes import cdll as d) calling execl
from ctypes import cdll as d, c_char_p

libc = d.LoadLibrary("libc.so.6")
libc.execl(c_char_p(b"/bin/sh"), c_char_p(b"sh"), c_char_p(b"-c"), c_char_p(b"id"), None)
