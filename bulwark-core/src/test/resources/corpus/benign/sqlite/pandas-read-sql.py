# corpus: load sqlite query results into pandas for analysis
import sqlite3
import pandas as pd

conn = sqlite3.connect(":memory:")
pd.DataFrame({
    "ts": pd.date_range("2024-01-01", periods=8, freq="6h").astype(str),
    "host": ["web1", "web2"] * 4,
    "cpu": [35, 60, 42, 71, 38, 80, 55, 66],
}).to_sql("metrics", conn, index=False)

df = pd.read_sql_query("SELECT host, AVG(cpu) AS avg_cpu, MAX(cpu) AS max_cpu FROM metrics GROUP BY host", conn)
print(df)
busy = pd.read_sql_query("SELECT * FROM metrics WHERE cpu > ?", conn, params=(60,))
print(busy)
