# corpus: rolling mean and exponential smoothing of a time series
import pandas as pd
import numpy as np

idx = pd.date_range("2024-01-01", periods=60, freq="D")
series = pd.Series(np.sin(np.arange(60) / 5) * 10 + np.arange(60) * 0.3, index=idx)

frame = pd.DataFrame({
    "value": series,
    "ma7": series.rolling(window=7).mean(),
    "ewm": series.ewm(alpha=0.3).mean(),
})
print(frame.tail(10).round(3))
print("Largest day-over-day jump:", series.diff().abs().idxmax().date())
