# hostile: an array far larger than memory
import numpy as np

a = np.ones((10 ** 6, 10 ** 6))
print(a.sum())
