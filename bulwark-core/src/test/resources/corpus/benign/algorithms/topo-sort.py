# corpus: Kahn topological sort of build tasks with cycle detection
from collections import deque

deps = {
    "compile": ["fetch"],
    "test": ["compile"],
    "package": ["compile", "docs"],
    "docs": ["fetch"],
    "release": ["package", "test"],
    "fetch": [],
}

def topo_order(deps):
    indeg = {task: len(req) for task, req in deps.items()}
    users = {task: [] for task in deps}
    for task, reqs in deps.items():
        for r in reqs:
            users[r].append(task)
    queue = deque(sorted(t for t, d in indeg.items() if d == 0))
    order = []
    while queue:
        t = queue.popleft()
        order.append(t)
        for u in sorted(users[t]):
            indeg[u] -= 1
            if indeg[u] == 0:
                queue.append(u)
    if len(order) != len(deps):
        raise ValueError("dependency cycle")
    return order

print(" -> ".join(topo_order(deps)))
