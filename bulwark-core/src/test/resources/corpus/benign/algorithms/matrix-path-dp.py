# corpus: minimum path sum through a grid and counting lattice paths with math.comb
import math

grid = [
    [1, 3, 1, 8],
    [1, 5, 1, 2],
    [4, 2, 1, 9],
    [7, 1, 3, 1],
]

rows, cols = len(grid), len(grid[0])
cost = [[0] * cols for _ in range(rows)]
for r in range(rows):
    for c in range(cols):
        best_prev = min(
            cost[r - 1][c] if r else math.inf,
            cost[r][c - 1] if c else math.inf,
        )
        cost[r][c] = grid[r][c] + (0 if r == c == 0 else best_prev)

print("minimum path sum:", cost[-1][-1])
print("number of monotone paths:", math.comb(rows + cols - 2, rows - 1))
