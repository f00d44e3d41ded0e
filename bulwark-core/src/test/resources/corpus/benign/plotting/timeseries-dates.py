# corpus: time series plot with date axis formatting and a moving average
import matplotlib
matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from datetime import date, timedelta

start = date(2024, 1, 1)
days = [start + timedelta(days=i) for i in range(120)]
rng = np.random.default_rng(8)
visits = 200 + np.cumsum(rng.normal(0, 8, len(days)))
ma = np.convolve(visits, np.ones(7) / 7, mode="same")

fig, ax = plt.subplots(figsize=(10, 4))
ax.plot(days, visits, alpha=0.5, label="daily")
ax.plot(days, ma, linewidth=2, label="7-day average")
ax.xaxis.set_major_locator(mdates.MonthLocator())
ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
fig.autofmt_xdate()
ax.legend()
fig.savefig("/work/visits.png")
