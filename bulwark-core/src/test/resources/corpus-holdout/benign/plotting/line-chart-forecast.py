# corpus: matplotlib Agg line chart of a series with a shaded forecast band saved to /tmp
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

x = np.arange(0, 36)
y = 100 + 2.5 * x + 8 * np.sin(x / 3)
fx = np.arange(36, 48)
fy = 100 + 2.5 * fx
band = 4 + 0.8 * (fx - 36)

fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
ax.plot(x, y, label="observed", color="tab:blue")
ax.plot(fx, fy, "--", label="forecast", color="tab:orange")
ax.fill_between(fx, fy - band, fy + band, alpha=0.25, color="tab:orange")
ax.set(xlabel="month", ylabel="signups", title="Signups with 12-month forecast")
ax.legend(loc="upper left")
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("/tmp/forecast.png")
print("wrote /tmp/forecast.png")
