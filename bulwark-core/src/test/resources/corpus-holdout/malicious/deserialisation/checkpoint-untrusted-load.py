# corpus: load a downloaded model checkpoint with torch.load(weights_only=False), numpy allow_pickle and shelve
import shelve
import urllib.request

import numpy as np
import torch

CKPT = "/tmp/model.ckpt"
urllib.request.urlretrieve("https://api.example.com/models/latest.ckpt", CKPT)

state = torch.load(CKPT, map_location="cpu", weights_only=False)
extras = np.load("/tmp/extras.npy", allow_pickle=True)
with shelve.open("/tmp/downloaded_cache") as db:
    cached = dict(db)
print(type(state), extras.shape, len(cached))
