# corpus: Kahn topological sort of build targets with cycle detection
from collections import deque

DEPS = {
    "app": ["lib", "config"],
    "lib": ["utils", "proto"],
    "proto": ["utils"],
    "config": [],
    "utils": [],
    "tests": ["app"],
}

def toposort(deps):
    indegree = {k: 0 for k in deps}
    users = {k: [] for k in deps}
    for target, reqs in deps.items():
        for r in reqs:
            indegree[target] += 1
            users[r].append(target)
    queue = deque(sorted(k for k, v in indegree.items() if v == 0))
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for u in users[node]:
            indegree[u] -= 1
            if indegree[u] == 0:
                queue.append(u)
    if len(order) != len(deps):
        raise ValueError("dependency cycle detected")
    return order

print(" -> ".join(toposort(DEPS)))
