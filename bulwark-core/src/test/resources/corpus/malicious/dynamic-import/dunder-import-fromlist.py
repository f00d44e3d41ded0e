# corpus: __import__ with fromlist and getattr of a reversed attribute name
mod = __import__("os.path", fromlist=["x"]).__name__.split(".")[0]
osmod = __import__(mod)
getattr(osmod, "metsys"[::-1])("id")
