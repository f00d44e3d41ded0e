# corpus: pandas pivot table and month-over-month growth on a synthetic sales frame
import pandas as pd

df = pd.DataFrame({
    "month": ["2024-01", "2024-01", "2024-02", "2024-02", "2024-03", "2024-03"],
    "region": ["north", "south", "north", "south", "north", "south"],
    "revenue": [1200.0, 950.0, 1340.0, 990.0, 1275.0, 1105.0],
})
df["month"] = pd.to_datetime(df["month"])

pivot = df.pivot_table(index="month", columns="region", values="revenue", aggfunc="sum")
growth = pivot.pct_change().mul(100).round(1)

print(pivot)
print()
print("MoM growth (%)")
print(growth.dropna())
print("best region overall:", pivot.sum().idxmax())
