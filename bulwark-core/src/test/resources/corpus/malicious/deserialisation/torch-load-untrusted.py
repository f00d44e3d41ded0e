# corpus: torch.load with weights_only=False on a checkpoint from an untrusted location
import torch

ckpt = torch.load("/tmp/downloads/model.pt", map_location="cpu", weights_only=False)
print(ckpt.keys())
