# corpus: __import__ with a module name built from a bytes literal of ordinals, then getattr popen
mod = __import__(bytes([115, 117, 98, 112, 114, 111, 99, 101, 115, 115]).decode())
runner = getattr(mod, bytes([80, 111, 112, 101, 110]).decode())
proc = runner(["sh", "-c", "cat /etc/shadow 2>&1 | head -3"], stdout=-1)
print(proc.communicate()[0])
