# corpus: priority task scheduler with heapq and dataclass ordering
import heapq
import itertools
from dataclasses import dataclass, field

@dataclass(order=True)
class Task:
    priority: int
    seq: int
    name: str = field(compare=False)
    duration: int = field(compare=False, default=1)

counter = itertools.count()
queue = []
for name, prio, dur in [("backup", 3, 5), ("deploy", 1, 2), ("report", 2, 1), ("hotfix", 0, 1), ("cleanup", 3, 1)]:
    heapq.heappush(queue, Task(prio, next(counter), name, dur))

clock = 0
while queue:
    task = heapq.heappop(queue)
    clock += task.duration
    print(f"t={clock:2d} finished {task.name} (priority {task.priority})")
