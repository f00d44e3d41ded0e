# corpus: gcd, lcm and exact fraction arithmetic
import math
from fractions import Fraction
from functools import reduce

def lcm_many(nums):
    return reduce(lambda a, b: a * b // math.gcd(a, b), nums)

print("gcd(84, 126) =", math.gcd(84, 126))
print("lcm(4, 6, 15) =", lcm_many([4, 6, 15]))

harmonic = sum(Fraction(1, k) for k in range(1, 11))
print("H10 =", harmonic, "~", float(harmonic))

egypt, rest = [], Fraction(7, 15)
while rest:
    unit = Fraction(1, math.ceil(1 / rest))
    egypt.append(unit)
    rest -= unit
print("7/15 =", " + ".join(map(str, egypt)))
