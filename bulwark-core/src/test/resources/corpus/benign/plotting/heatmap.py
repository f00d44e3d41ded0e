# corpus: imshow heatmap of a correlation matrix with a colorbar
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

labels = ["temp", "humidity", "wind", "pressure", "rain"]
rng = np.random.default_rng(5)
data = rng.normal(size=(200, len(labels)))
data[:, 4] += 0.8 * data[:, 1]
data[:, 3] -= 0.5 * data[:, 2]
corr = np.corrcoef(data, rowvar=False)

fig, ax = plt.subplots(figsize=(6, 5))
im = ax.imshow(corr, cmap="coolwarm", vmin=-1, vmax=1)
ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
ax.set_yticks(range(len(labels)), labels)
for i in range(len(labels)):
    for j in range(len(labels)):
        ax.text(j, i, f"{corr[i, j]:.2f}", ha="center", va="center", fontsize=8)
fig.colorbar(im, ax=ax, shrink=0.8)
fig.tight_layout()
fig.savefig("/work/heatmap.png")
