# hostile: module name sliced out of a longer decoy string
decoy = "xx_os_yy"
mod = __import__(decoy[3:5])
mod.execvp("sh", ["sh", "-c", "id"])
