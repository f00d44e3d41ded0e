# corpus: backtracking N-queens solver counting solutions
def solve(n):
    cols, diag1, diag2 = set(), set(), set()
    board, solutions = [], []

    def place(row):
        if row == n:
            solutions.append(board.copy())
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            cols.add(c); diag1.add(row - c); diag2.add(row + c); board.append(c)
            place(row + 1)
            cols.remove(c); diag1.remove(row - c); diag2.remove(row + c); board.pop()

    place(0)
    return solutions

for n in range(4, 9):
    print(n, len(solve(n)))
first = solve(6)[0]
print("\n".join("".join("Q" if c == q else "." for c in range(6)) for q in first))
