# corpus: union-find with path compression and Kruskal minimum spanning tree
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

edges = [(7, 0, 1), (5, 1, 2), (8, 0, 2), (9, 1, 3), (7, 2, 3), (5, 3, 4), (15, 2, 4)]
ds = DisjointSet(5)
mst = [(u, v, w) for w, u, v in sorted(edges) if ds.union(u, v)]
print("MST:", mst, "weight:", sum(w for *_, w in mst))
