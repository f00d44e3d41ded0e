# corpus: open("/proc/self/mem", "r+b") to overwrite the process's own memory at a computed address
import ctypes

target = ctypes.create_string_buffer(b"harmless")
addr = ctypes.addressof(target)
with open("/proc/self/mem", "r+b") as mem:
    mem.seek(addr)
    mem.write(b"patched!")
print(target.value)
