# corpus: route-style decorator registry mapping command names to handler functions
HANDLERS = {}

def command(name):
    def register(func):
        HANDLERS[name] = func
        return func
    return register

@command("greet")
def greet(who="world"):
    return f"hello, {who}"

@command("add")
def add(a, b):
    return int(a) + int(b)

@command("help")
def show_help():
    return "commands: " + ", ".join(sorted(HANDLERS))

for line in ["greet ana", "add 2 40", "help", "nope"]:
    name, *args = line.split()
    handler = HANDLERS.get(name)
    print(handler(*args) if handler else f"unknown command {name!r}")
