# corpus: union-find with path compression and union by rank counting connected components
class DisjointSet:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True

edges = [(0, 1), (1, 2), (3, 4), (5, 6), (6, 7), (7, 5), (8, 8)]
ds = DisjointSet(10)
for a, b in edges:
    ds.union(a, b)

groups = {}
for node in range(10):
    groups.setdefault(ds.find(node), []).append(node)
print(len(groups), "components:", sorted(groups.values()))
