# Revenue by region from sales.csv: a chart (shown, not saved: the run's outputs carry it) and a
# summary file in out/.
import os

import matplotlib.pyplot as plt
import pandas as pd

df = pd.read_csv("sales.csv")
df["revenue"] = df.units * df.price
by_region = df.groupby("region").revenue.sum()
by_region.plot(kind="bar", title="Revenue by region")
plt.show()

os.makedirs("out", exist_ok=True)
with open("out/summary.txt", "w") as summary:
    summary.write(by_region.to_string() + "\n")
print(f"{len(df)} rows, {len(by_region)} regions")
