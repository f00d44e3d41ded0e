# corpus: 0/1 knapsack with item reconstruction
def knapsack(items, capacity):
    best = [[0] * (capacity + 1) for _ in range(len(items) + 1)]
    for i, (name, weight, value) in enumerate(items, start=1):
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if weight <= c:
                best[i][c] = max(best[i][c], best[i - 1][c - weight] + value)
    chosen, c = [], capacity
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return best[-1][capacity], chosen[::-1]

items = [("tent", 5, 60), ("stove", 3, 50), ("food", 4, 70), ("camera", 2, 30), ("book", 1, 10)]
value, picked = knapsack(items, 10)
print("value:", value, "items:", picked)
