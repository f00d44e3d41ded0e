# corpus: functools.singledispatch formatting and total_ordering
from datetime import date
from decimal import Decimal
from functools import singledispatch, total_ordering

@singledispatch
def fmt(value):
    return str(value)

@fmt.register
def _(value: float):
    return f"{value:,.3f}"

@fmt.register
def _(value: Decimal):
    return f"{value:.2f} EUR"

@fmt.register
def _(value: date):
    return value.strftime("%d %b %Y")

@fmt.register(list)
def _(value):
    return "[" + ", ".join(fmt(v) for v in value) + "]"

@total_ordering
class Priority:
    def __init__(self, level):
        self.level = level

    def __eq__(self, other):
        return self.level == other.level

    def __lt__(self, other):
        return self.level < other.level

print(fmt([1234.5678, Decimal("9.5"), date(2024, 7, 1), "text", 7]))
print(Priority(2) >= Priority(1), max([Priority(3), Priority(5)]).level)
