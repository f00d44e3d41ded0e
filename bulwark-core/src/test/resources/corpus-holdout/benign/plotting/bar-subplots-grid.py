# corpus: 2x2 grid of bar charts per quarter with shared y axis and bar labels
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data = {
    "Q1": {"api": 42, "web": 31, "batch": 12},
    "Q2": {"api": 48, "web": 29, "batch": 15},
    "Q3": {"api": 51, "web": 35, "batch": 11},
    "Q4": {"api": 57, "web": 38, "batch": 19},
}

fig, axes = plt.subplots(2, 2, sharey=True, figsize=(8, 6))
for ax, (quarter, values) in zip(axes.flat, data.items()):
    bars = ax.bar(list(values), list(values.values()), color=["#4c72b0", "#dd8452", "#55a868"])
    ax.bar_label(bars, padding=2)
    ax.set_title(quarter)
fig.suptitle("Deployments per service")
fig.tight_layout()
fig.savefig("/tmp/deploys.png")
print("saved")
