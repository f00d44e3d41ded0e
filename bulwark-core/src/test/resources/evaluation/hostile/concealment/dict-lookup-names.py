# hostile: names stored in a dict and looked up
table = {"m": "os", "f": "system"}
getattr(__import__(table["m"]), table["f"])("id")
