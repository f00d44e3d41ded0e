# hostile: init's environment read through /proc (T1057, T1552.001)
data = open("/proc/1/environ", "rb").read()
print(data.replace(b"\0", b"\n").decode(errors="replace"))
