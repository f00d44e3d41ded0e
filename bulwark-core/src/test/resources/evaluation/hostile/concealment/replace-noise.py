# hostile: noise characters removed with str.replace to reveal the names
mod = __import__("s#u#b#p#r#o#c#e#s#s".replace("#", ""))
mod.Popen("id", shell=True).wait()
