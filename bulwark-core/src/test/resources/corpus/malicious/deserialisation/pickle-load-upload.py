# corpus: pickle.load of a model file downloaded from the network (untrusted bytes)
import pickle
import urllib.request

urllib.request.urlretrieve("https://raw.githubusercontent.com/someone/models/main/clf.pkl", "/tmp/clf.pkl")
with open("/tmp/clf.pkl", "rb") as fh:
    model = pickle.load(fh)
print(model)
