# corpus: numpy histogram of response times printed as a text bar chart
import numpy as np

rng = np.random.default_rng(7)
latencies = rng.gamma(shape=2.0, scale=40.0, size=500)
counts, edges = np.histogram(latencies, bins=10)

width = 40
peak = counts.max()
for count, lo, hi in zip(counts, edges[:-1], edges[1:]):
    bar = "#" * int(width * count / peak)
    print(f"{lo:7.1f}-{hi:7.1f} ms | {bar} {count}")
print(f"p99 = {np.percentile(latencies, 99):.1f} ms")
