# corpus: correlation matrix heatmap with imshow, colorbar and cell annotations
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
base = rng.normal(size=(200, 1))
cols = ["cpu", "mem", "latency", "errors", "rps"]
X = np.hstack([
    base + rng.normal(scale=s, size=(200, 1)) for s in (0.2, 0.5, 0.8, 1.5, 3.0)
])
corr = np.corrcoef(X, rowvar=False)

fig, ax = plt.subplots(figsize=(5, 4))
im = ax.imshow(corr, cmap="coolwarm", vmin=-1, vmax=1)
ax.set_xticks(range(len(cols)), labels=cols, rotation=45, ha="right")
ax.set_yticks(range(len(cols)), labels=cols)
for i in range(len(cols)):
    for j in range(len(cols)):
        ax.text(j, i, f"{corr[i, j]:.2f}", ha="center", va="center", fontsize=8)
fig.colorbar(im, ax=ax, shrink=0.8)
fig.tight_layout()
fig.savefig("/tmp/corr.png")
