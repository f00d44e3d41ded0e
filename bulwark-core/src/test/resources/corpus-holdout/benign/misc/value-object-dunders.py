# corpus: value object with __repr__ __eq__ __hash__ __lt__ using type(self).__name__ and getattr with constants
from functools import total_ordering

@total_ordering
class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency="EUR"):
        self.amount = round(amount, 2)
        self.currency = currency

    def __repr__(self):
        return f"{type(self).__name__}({self.amount!r}, {self.currency!r})"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __lt__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch")
        return self.amount < other.amount

    def __hash__(self):
        return hash((self.amount, self.currency))

    def __add__(self, other):
        return Money(self.amount + other.amount, self.currency)

class Price(Money):
    def label(self):
        return f"<{self.__class__.__name__} {self}>"

prices = [Price(9.99), Price(4.5), Money(12)]
print(sorted(prices))
print(sum(prices[1:], start=Money(0)))
print({Money(1): "one"}[Money(1.0)])
print(getattr(prices[0], "currency"), getattr(prices[0], "missing", "n/a"), prices[0].label())
