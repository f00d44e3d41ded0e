# corpus: pandas plot of a grouped bar chart to a PNG with the Agg backend
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

df = pd.DataFrame({
    "quarter": ["Q1", "Q2", "Q3", "Q4"],
    "north": [120, 135, 150, 160],
    "south": [90, 110, 95, 130],
    "west": [60, 75, 88, 92],
}).set_index("quarter")

ax = df.plot(kind="bar", figsize=(8, 5), rot=0, width=0.8)
ax.set_ylabel("units sold")
ax.set_title("Sales by region and quarter")
for container in ax.containers:
    ax.bar_label(container, fontsize=7)
plt.tight_layout()
plt.savefig("/work/sales_by_region.png", dpi=100)
