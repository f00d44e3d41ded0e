# hostile: eval fetched from the builtins namespace by a built key
code = "__import__('os').getcwd()"
f = vars(__builtins__)["ev" + "al"] if isinstance(__builtins__, type(__import__("sys"))) else __builtins__["ev" + "al"]
print(f(code))
