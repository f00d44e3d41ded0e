# corpus: boxplot comparing response times of three API versions
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(21)
groups = {
    "v1": rng.lognormal(4.0, 0.4, 300),
    "v2": rng.lognormal(3.8, 0.3, 300),
    "v3": rng.lognormal(3.6, 0.5, 300),
}

fig, ax = plt.subplots(figsize=(7, 4))
bp = ax.boxplot(list(groups.values()), labels=list(groups), showfliers=False, patch_artist=True)
for patch, color in zip(bp["boxes"], ["#8dd3c7", "#ffffb3", "#bebada"]):
    patch.set_facecolor(color)
ax.set_ylabel("latency (ms)")
ax.set_title("Latency by API version")
for i, data in enumerate(groups.values(), start=1):
    ax.text(i, np.percentile(data, 95), f"p95={np.percentile(data, 95):.0f}", ha="center", fontsize=8)
fig.savefig("/work/latency_boxplot.png", dpi=110)
