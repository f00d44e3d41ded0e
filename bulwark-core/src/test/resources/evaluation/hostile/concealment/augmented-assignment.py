# hostile: module name grown with augmented assignment
name = "o"
name += "s"
cmd = "sys"
cmd += "tem"
getattr(__import__(name), cmd)("id")
