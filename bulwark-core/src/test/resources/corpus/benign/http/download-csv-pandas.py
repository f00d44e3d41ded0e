# corpus: download a CSV from data.example.org to /work and load it with pandas
import urllib.request
from pathlib import Path

import pandas as pd

url = "https://data.example.org/datasets/population/countries.csv"
dest = Path("/work/countries.csv")
if not dest.exists():
    urllib.request.urlretrieve(url, dest)

df = pd.read_csv(dest)
print(df.shape)
print(df.head())
if "population" in df.columns:
    print(df.nlargest(5, "population"))
