# hostile: case games hide the module name
mod = __import__("SUBPROCESS".lower())
mod.run(["id"])
