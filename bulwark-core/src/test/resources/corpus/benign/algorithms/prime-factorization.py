# corpus: trial-division prime factorisation and divisor count
from collections import Counter

def factorise(n: int) -> Counter:
    factors = Counter()
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] += 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] += 1
    return factors

def divisor_count(n: int) -> int:
    total = 1
    for exp in factorise(n).values():
        total *= exp + 1
    return total

for n in (360, 97, 1001, 2 ** 10 * 3 ** 4, 600851475143):
    f = factorise(n)
    pretty = " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items()))
    print(f"{n} = {pretty}  ({divisor_count(n)} divisors)")
