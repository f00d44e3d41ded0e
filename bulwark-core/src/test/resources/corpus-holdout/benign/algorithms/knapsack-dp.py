# corpus: 0/1 knapsack dynamic programming with item reconstruction
ITEMS = [("tent", 5, 60), ("stove", 3, 50), ("camera", 4, 70), ("book", 1, 10), ("rope", 2, 30)]
CAPACITY = 9

def knapsack(items, cap):
    n = len(items)
    table = [[0] * (cap + 1) for _ in range(n + 1)]
    for i, (_, weight, value) in enumerate(items, start=1):
        for c in range(cap + 1):
            table[i][c] = table[i - 1][c]
            if weight <= c:
                table[i][c] = max(table[i][c], table[i - 1][c - weight] + value)
    chosen, c = [], cap
    for i in range(n, 0, -1):
        if table[i][c] != table[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return table[n][cap], chosen[::-1]

best, picked = knapsack(ITEMS, CAPACITY)
print("best value:", best)
print("items:", picked)
