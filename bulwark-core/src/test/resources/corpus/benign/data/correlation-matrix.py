# corpus: correlation matrix of synthetic features with pandas
import numpy as np
import pandas as pd

rng = np.random.default_rng(0)
n = 200
x = rng.normal(size=n)
df = pd.DataFrame({
    "x": x,
    "y": 2 * x + rng.normal(scale=0.5, size=n),
    "z": rng.normal(size=n),
    "w": -x + rng.normal(scale=2.0, size=n),
})
corr = df.corr(method="pearson")
print(corr.round(2))

pairs = corr.where(np.triu(np.ones(corr.shape, dtype=bool), k=1)).stack()
print("Strongest pair:", pairs.abs().idxmax(), round(pairs.abs().max(), 3))
