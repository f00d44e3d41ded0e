# corpus: numpy.load with allow_pickle=True on an uploaded .npy holding a pickled object array
import numpy as np

arr = np.load("/tmp/uploads/features.npy", allow_pickle=True)
print(arr.shape, arr.dtype)
