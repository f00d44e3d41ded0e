# corpus: stdlib statistics on exam grades with letter buckets
import statistics
from collections import Counter

grades = [88, 92, 79, 65, 95, 70, 84, 91, 58, 77, 83, 89, 100, 72, 66]

def letter(score: int) -> str:
    for cutoff, name in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= cutoff:
            return name
    return "F"

print("mean:", round(statistics.mean(grades), 2))
print("median:", statistics.median(grades))
print("stdev:", round(statistics.stdev(grades), 2))
print("quartiles:", statistics.quantiles(grades, n=4))
print("distribution:", dict(sorted(Counter(map(letter, grades)).items())))
