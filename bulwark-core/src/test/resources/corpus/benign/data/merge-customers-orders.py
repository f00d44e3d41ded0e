# corpus: join customers and orders dataframes and compute lifetime value
import pandas as pd

customers = pd.DataFrame({"cid": [1, 2, 3, 4], "name": ["Ann", "Ben", "Cy", "Di"],
                          "country": ["PT", "NO", "PT", "DE"]})
orders = pd.DataFrame({"oid": range(100, 108), "cid": [1, 1, 2, 3, 3, 3, 4, 9],
                       "total": [20, 35, 12, 50, 5, 17, 80, 3]})

merged = orders.merge(customers, on="cid", how="left", validate="many_to_one")
orphans = merged[merged["name"].isna()]
ltv = merged.dropna(subset=["name"]).groupby(["cid", "name"])["total"].sum()

print("Orders without a customer:", orphans["oid"].tolist())
print(ltv.sort_values(ascending=False))
print(merged.groupby("country")["total"].mean().round(2))
