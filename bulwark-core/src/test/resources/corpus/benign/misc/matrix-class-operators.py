# corpus: small Matrix class with operator overloading, __getitem__ and __matmul__
class Matrix:
    def __init__(self, rows):
        self.rows = [list(map(float, r)) for r in rows]
        self.n, self.m = len(self.rows), len(self.rows[0])

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __matmul__(self, other):
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(self.m)) for j in range(other.m)]
                       for i in range(self.n)])

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def transpose(self):
        return Matrix(list(zip(*self.rows)))

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __repr__(self):
        return "\n".join(" ".join(f"{x:6.1f}" for x in r) for r in self.rows)

a = Matrix([[1, 2], [3, 4]])
print(a @ Matrix.identity(2) + a.transpose())
print((a @ a)[1, 1])
