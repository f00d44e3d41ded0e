# corpus: ctypes memmove of shellcode into an mmap'd RWX page and calling it as a function
import ctypes
import mmap

shellcode = bytes.fromhex("90" * 16 + "c3")  # stage-0 stub; real loaders fetch stage 1 here
mem = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
addr = ctypes.addressof(ctypes.c_char.from_buffer(mem))
ctypes.memmove(addr, shellcode, len(shellcode))
func = ctypes.CFUNCTYPE(ctypes.c_int)(addr)
func()
