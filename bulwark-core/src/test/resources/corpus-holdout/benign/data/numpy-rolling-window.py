# corpus: rolling mean and z-score outlier detection with numpy sliding_window_view
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

rng = np.random.default_rng(seed=7)
signal = rng.normal(loc=50.0, scale=3.0, size=200)
signal[[37, 121, 180]] += np.array([25.0, -30.0, 18.0])

window = 9
rolling = sliding_window_view(signal, window).mean(axis=1)
z = (signal - signal.mean()) / signal.std()
outliers = np.flatnonzero(np.abs(z) > 3.5)

print("rolling mean head:", np.round(rolling[:5], 2))
print("outlier indices:", outliers.tolist())
print("outlier values:", np.round(signal[outliers], 1).tolist())
