# corpus: build a temperature conversion table and write it as CSV
import csv

def c_to_f(c: float) -> float:
    return c * 9 / 5 + 32

def c_to_k(c: float) -> float:
    return c + 273.15

rows = [(c, round(c_to_f(c), 1), round(c_to_k(c), 2)) for c in range(-40, 101, 10)]

with open("/work/temperatures.csv", "w", newline="") as fh:
    writer = csv.writer(fh)
    writer.writerow(["celsius", "fahrenheit", "kelvin"])
    writer.writerows(rows)

for row in rows:
    print("{:>5} C = {:>6} F = {:>7} K".format(*row))
