# corpus: resample minute-level sensor readings to hourly aggregates
import numpy as np
import pandas as pd

idx = pd.date_range("2024-05-01 00:00", periods=6 * 60, freq="min")
temps = 20 + 3 * np.sin(np.linspace(0, 3.14, len(idx))) + np.random.default_rng(1).normal(0, 0.2, len(idx))
df = pd.DataFrame({"temp": temps}, index=idx)

hourly = df["temp"].resample("h").agg(["min", "mean", "max"]).round(2)
hourly["range"] = hourly["max"] - hourly["min"]
print(hourly)
hourly.to_json("/work/hourly.json", orient="index", date_format="iso")
