# corpus: pandas qcut customers into spend quartiles
import pandas as pd

spend = pd.Series([12, 450, 33, 78, 1020, 5, 260, 99, 140, 610, 47, 300], name="spend")
quartile = pd.qcut(spend, q=4, labels=["low", "mid", "high", "top"])
frame = pd.concat([spend, quartile.rename("tier")], axis=1)

print(frame.sort_values("spend"))
print(frame.groupby("tier", observed=True)["spend"].agg(["count", "sum"]))
