# corpus: dataclasses with field defaults, ordering and a frozen value object
from dataclasses import dataclass, field, asdict
from typing import List

@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(self.amount + other.amount, self.currency)

@dataclass(order=True)
class LineItem:
    sort_index: int = field(init=False, repr=False)
    name: str
    price: Money
    qty: int = 1

    def __post_init__(self):
        self.sort_index = -self.price.amount * self.qty

@dataclass
class Cart:
    items: List[LineItem] = field(default_factory=list)

    def total(self) -> Money:
        total = Money(0)
        for item in self.items:
            total = total + Money(item.price.amount * item.qty)
        return total

cart = Cart([LineItem("pen", Money(150), 4), LineItem("book", Money(1999)), LineItem("bag", Money(2500))])
print(sorted(cart.items))
print(cart.total(), asdict(cart.items[0]))
