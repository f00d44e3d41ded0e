# corpus: pandas cleaning of missing values and type coercion
import numpy as np
import pandas as pd

df = pd.DataFrame({
    "age": ["34", "n/a", "29", None, "41"],
    "income": [52000, np.nan, 61000, 45000, None],
    "city": ["Porto", "porto ", None, "Braga", "BRAGA"],
})

df["age"] = pd.to_numeric(df["age"], errors="coerce")
df["income"] = df["income"].fillna(df["income"].median())
df["city"] = df["city"].str.strip().str.title().fillna("Unknown")
df = df.dropna(subset=["age"]).astype({"age": int})

print(df)
print(df.dtypes)
