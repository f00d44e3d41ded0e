# corpus: command dispatch with getattr on own handler methods with constant names
class Calculator:
    def __init__(self):
        self.stack = []

    def cmd_push(self, value):
        self.stack.append(float(value))

    def cmd_add(self):
        b, a = self.stack.pop(), self.stack.pop()
        self.stack.append(a + b)

    def cmd_mul(self):
        b, a = self.stack.pop(), self.stack.pop()
        self.stack.append(a * b)

    def cmd_show(self):
        print(self.stack)

PROGRAM = [("push", "3"), ("push", "4"), ("add",), ("push", "5"), ("mul",), ("show",)]
calc = Calculator()
for op, *args in PROGRAM:
    handler = getattr(calc, "cmd_" + op, None)
    if handler is None:
        raise SystemExit(f"unknown op {op}")
    handler(*args)
print(getattr(calc, "stack"), hasattr(calc, "cmd_div"))
