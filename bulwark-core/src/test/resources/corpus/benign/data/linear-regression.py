# corpus: least-squares linear regression with numpy.linalg
import numpy as np

hours = np.array([1, 2, 3, 4, 5, 6, 7, 8], dtype=float)
score = np.array([52, 55, 61, 64, 70, 74, 77, 83], dtype=float)

A = np.vstack([hours, np.ones_like(hours)]).T
(slope, intercept), residuals, *_ = np.linalg.lstsq(A, score, rcond=None)
pred = slope * hours + intercept
r2 = 1 - ((score - pred) ** 2).sum() / ((score - score.mean()) ** 2).sum()

print(f"score = {slope:.2f} * hours + {intercept:.2f}")
print(f"R^2 = {r2:.4f}")
print("prediction for 10h:", round(slope * 10 + intercept, 1))
