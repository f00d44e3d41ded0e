# corpus: pandas groupby of sales by region with totals and means
import pandas as pd

df = pd.DataFrame({
    "region": ["north", "south", "north", "east", "south", "east", "north"],
    "product": ["a", "b", "a", "c", "a", "b", "c"],
    "units": [10, 4, 7, 3, 12, 8, 5],
    "price": [2.5, 4.0, 2.5, 9.9, 2.5, 4.0, 9.9],
})
df["revenue"] = df["units"] * df["price"]

summary = (
    df.groupby("region")
    .agg(total_units=("units", "sum"), revenue=("revenue", "sum"), avg_price=("price", "mean"))
    .sort_values("revenue", ascending=False)
)
print(summary)
print("Top region:", summary.index[0])
