# corpus: reading /proc/self/maps then /proc/self/mem to locate and dump interpreter memory
import re

with open("/proc/self/maps") as maps:
    regions = [tuple(int(x, 16) for x in m.groups())
               for m in (re.match(r"([0-9a-f]+)-([0-9a-f]+) rw", l) for l in maps) if m]
dump = b""
with open("/proc/self/mem", "rb", 0) as mem:
    for start, end in regions[:4]:
        mem.seek(start)
        dump += mem.read(min(end - start, 4096))
open("/tmp/.heap", "wb").write(dump)
