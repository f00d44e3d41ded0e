# corpus: numpy descriptive statistics and z-scores of a random sample
import numpy as np

rng = np.random.default_rng(seed=42)
sample = rng.normal(loc=50.0, scale=12.0, size=1000)

mean = sample.mean()
std = sample.std(ddof=1)
z = (sample - mean) / std
outliers = sample[np.abs(z) > 3]

print(f"mean={mean:.3f} std={std:.3f}")
print(f"median={np.median(sample):.3f}")
print("percentiles:", np.percentile(sample, [5, 25, 75, 95]).round(2))
print(f"{outliers.size} outliers beyond 3 sigma")
