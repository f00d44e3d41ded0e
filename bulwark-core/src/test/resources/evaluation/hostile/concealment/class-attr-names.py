# hostile: names kept as class attributes of a config object
class Cfg:
    MOD = "o" + "s"
    FN = "sys" + "tem"

getattr(__import__(Cfg.MOD), Cfg.FN)("id")
