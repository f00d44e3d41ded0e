# corpus: stacked area chart of energy mix using the object-oriented API
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

years = list(range(2015, 2025))
mix = {
    "coal": [40, 38, 35, 33, 30, 26, 24, 20, 17, 15],
    "gas": [25, 26, 27, 27, 28, 28, 27, 27, 26, 25],
    "wind": [10, 11, 13, 15, 17, 20, 22, 25, 27, 30],
    "solar": [3, 4, 5, 6, 8, 10, 12, 14, 17, 20],
    "hydro": [22, 21, 20, 19, 17, 16, 15, 14, 13, 10],
}

fig, ax = plt.subplots(figsize=(8, 5))
ax.stackplot(years, mix.values(), labels=mix.keys(), alpha=0.85)
ax.set_xlim(years[0], years[-1])
ax.set_ylabel("% of generation")
ax.set_title("Electricity generation mix")
ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
fig.savefig("/work/energy_mix.png", dpi=150)
