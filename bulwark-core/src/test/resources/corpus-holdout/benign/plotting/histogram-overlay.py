# corpus: overlaid histograms of two samples with matplotlib using the Agg backend
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
control = rng.normal(12.0, 2.0, 800)
variant = rng.normal(11.2, 1.8, 800)
bins = np.linspace(4, 20, 41)

fig, ax = plt.subplots()
ax.hist(control, bins=bins, alpha=0.6, label=f"control (mean {control.mean():.2f})")
ax.hist(variant, bins=bins, alpha=0.6, label=f"variant (mean {variant.mean():.2f})")
ax.axvline(control.mean(), color="C0", linestyle=":")
ax.axvline(variant.mean(), color="C1", linestyle=":")
ax.set_xlabel("page load time (s)")
ax.set_ylabel("sessions")
ax.legend()
fig.savefig("/work/histogram.png", dpi=120, bbox_inches="tight")
plt.close(fig)
