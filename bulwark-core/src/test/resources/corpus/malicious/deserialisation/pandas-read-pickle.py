# corpus: pandas.read_pickle of a file fetched from a remote URL (pickle deserialisation)
import pandas as pd

df = pd.read_pickle("https://raw.githubusercontent.com/someone/data/main/frame.pkl")
print(df.head())
