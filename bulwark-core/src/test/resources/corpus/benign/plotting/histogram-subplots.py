# corpus: grid of histograms for several distributions with numpy and matplotlib
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
samples = {
    "normal": rng.normal(0, 1, 2000),
    "exponential": rng.exponential(1.0, 2000),
    "uniform": rng.uniform(-2, 2, 2000),
    "lognormal": rng.lognormal(0, 0.5, 2000),
}

fig, axes = plt.subplots(2, 2, figsize=(9, 7))
for ax, (name, data) in zip(axes.flat, samples.items()):
    ax.hist(data, bins=40, color="steelblue", edgecolor="white")
    ax.axvline(data.mean(), color="crimson", linestyle=":")
    ax.set_title(f"{name} (mean={data.mean():.2f})")
fig.suptitle("Sample distributions")
fig.tight_layout()
fig.savefig("/work/distributions.png")
plt.close(fig)
