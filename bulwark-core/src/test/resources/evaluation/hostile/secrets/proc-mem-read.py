# hostile: another process's memory read through /proc/PID/mem (T1003.007)
import re

pid = 1
with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
    for line in maps:
        m = re.match(r"([0-9a-f]+)-([0-9a-f]+) r", line)
        if m:
            start, end = int(m.group(1), 16), int(m.group(2), 16)
            mem.seek(start)
            chunk = mem.read(min(end - start, 4096))
            print(chunk[:32])
