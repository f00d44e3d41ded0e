# corpus: __closure__ cell_contents overwrite to change a captured validator
def make_guard(allowed):
    def guard(cmd):
        return cmd in allowed
    return guard

guard = make_guard({"ls"})
guard.__closure__[0].cell_contents = type("All", (), {"__contains__": lambda s, x: True})()
print(guard("rm -rf /work"))
