# hostile: shellcode copied into memory and made executable with mprotect
import ctypes, mmap

shellcode = b"\x90" * 16 + b"\xc3"
buf = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
buf.write(shellcode)
addr = ctypes.addressof(ctypes.c_char.from_buffer(buf))
fn = ctypes.CFUNCTYPE(None)(addr)
fn()
