# hostile: source code assembled from fragments and compiled
src = "imp" + "ort o" + "s\no" + "s.sys" + "tem('id')"
code = compile(src, "<s>", "exec")
exec(code)
