# corpus: convert integers to and from roman numerals with round-trip test
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(n)
    out = []
    for value, sym in PAIRS:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)

def from_roman(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for cur, nxt in zip(s, s[1:] + " "):
        v = values[cur]
        total += -v if nxt != " " and values[nxt] > v else v
    return total

assert all(from_roman(to_roman(i)) == i for i in range(1, 4000))
print([to_roman(y) for y in (1987, 2024, 3999)])
