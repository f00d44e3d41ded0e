# corpus: scatter plot with a fitted regression line and annotations
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(11)
x = rng.uniform(0, 10, 80)
y = 1.8 * x + 4 + rng.normal(0, 2.5, 80)
slope, intercept = np.polyfit(x, y, 1)

fig, ax = plt.subplots()
ax.scatter(x, y, s=18, alpha=0.7, label="observations")
xs = np.linspace(0, 10, 100)
ax.plot(xs, slope * xs + intercept, color="black", label=f"y = {slope:.2f}x + {intercept:.2f}")
ax.annotate("max", xy=(x[y.argmax()], y.max()), xytext=(2, y.max()),
            arrowprops={"arrowstyle": "->"})
ax.set_xlabel("dose")
ax.set_ylabel("response")
ax.legend(loc="upper left")
fig.savefig("/tmp/scatter.png", bbox_inches="tight")
