# corpus: pandas pivot table of monthly expenses by category
import pandas as pd

rows = [
    ("2024-01-03", "rent", 1200), ("2024-01-10", "food", 310.5),
    ("2024-02-02", "rent", 1200), ("2024-02-14", "food", 280.0),
    ("2024-02-20", "travel", 450), ("2024-03-01", "rent", 1250),
    ("2024-03-09", "food", 295.25), ("2024-03-22", "travel", 120),
]
df = pd.DataFrame(rows, columns=["date", "category", "amount"])
df["date"] = pd.to_datetime(df["date"])
df["month"] = df["date"].dt.to_period("M")

table = df.pivot_table(index="month", columns="category", values="amount",
                       aggfunc="sum", fill_value=0)
table["total"] = table.sum(axis=1)
print(table)
table.to_csv("/work/expenses_pivot.csv")
