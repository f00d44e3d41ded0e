# hostile: names assembled over several assignments
first = "sub"
second = "process"
module_name = first + second
fn_name = "check_" + "output"
m = __import__(module_name)
out = getattr(m, fn_name)(["id"])
print(out)
