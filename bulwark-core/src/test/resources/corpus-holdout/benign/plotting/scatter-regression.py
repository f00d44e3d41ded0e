# corpus: scatter plot with a least-squares fit line and annotated R squared via numpy.polyfit
import matplotlib
matplotlib.use("Agg")
from matplotlib import pyplot as plt
import numpy as np

rng = np.random.default_rng(11)
hours = rng.uniform(0, 10, 60)
score = 52 + 4.1 * hours + rng.normal(0, 5, 60)

slope, intercept = np.polyfit(hours, score, 1)
pred = slope * hours + intercept
r2 = 1 - ((score - pred) ** 2).sum() / ((score - score.mean()) ** 2).sum()

fig = plt.figure(figsize=(6, 4))
ax = fig.add_subplot()
ax.scatter(hours, score, s=18, alpha=0.7)
xs = np.linspace(0, 10, 2)
ax.plot(xs, slope * xs + intercept, color="crimson")
ax.annotate(f"y = {slope:.2f}x + {intercept:.1f}\nR² = {r2:.3f}", xy=(0.05, 0.8), xycoords="axes fraction")
ax.set(xlabel="study hours", ylabel="exam score")
fig.savefig("/tmp/scatter.png")
