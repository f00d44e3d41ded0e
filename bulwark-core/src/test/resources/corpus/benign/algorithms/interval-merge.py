# corpus: merge overlapping meeting intervals and find free slots
from datetime import time

meetings = [(time(9, 0), time(10, 30)), (time(10, 0), time(11, 0)),
            (time(13, 0), time(14, 0)), (time(13, 30), time(15, 0)), (time(16, 0), time(16, 30))]

def merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

busy = merge(meetings)
day_start, day_end = time(9, 0), time(17, 0)
free, cursor = [], day_start
for s, e in busy:
    if s > cursor:
        free.append((cursor, s))
    cursor = max(cursor, e)
if cursor < day_end:
    free.append((cursor, day_end))
print("busy:", [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in busy])
print("free:", [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in free])
