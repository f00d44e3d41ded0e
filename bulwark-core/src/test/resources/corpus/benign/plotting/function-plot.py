# corpus: plot a few mathematical functions on shared axes
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-2 * np.pi, 2 * np.pi, 500)
funcs = {
    "sin(x)": np.sin(x),
    "cos(x)": np.cos(x),
    "sin(x)/x": np.sinc(x / np.pi),
    "tanh(x)": np.tanh(x),
}

plt.figure(figsize=(9, 4))
for name, y in funcs.items():
    plt.plot(x, y, label=name, linewidth=1.5)
plt.axhline(0, color="grey", linewidth=0.5)
plt.xticks(np.arange(-2, 3) * np.pi, [r"$-2\pi$", r"$-\pi$", "0", r"$\pi$", r"$2\pi$"])
plt.legend(ncol=2)
plt.title("Elementary functions")
plt.savefig("/work/functions.png")
