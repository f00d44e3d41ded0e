# corpus: order lifecycle state machine with Enum, auto, a transition table and __str__
from enum import Enum, auto

class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()

    def __str__(self):
        return self.name.lower()

TRANSITIONS = {
    State.NEW: {State.PAID, State.CANCELLED},
    State.PAID: {State.SHIPPED, State.CANCELLED},
    State.SHIPPED: {State.DELIVERED},
}

class Order:
    def __init__(self, order_id):
        self.order_id = order_id
        self.state = State.NEW
        self.history = [self.state]

    def advance(self, target):
        if target not in TRANSITIONS.get(self.state, set()):
            raise ValueError(f"cannot go from {self.state} to {target}")
        self.state = target
        self.history.append(target)

o = Order("A-17")
for step in (State.PAID, State.SHIPPED, State.DELIVERED):
    o.advance(step)
print(o.order_id, " -> ".join(map(str, o.history)))
try:
    o.advance(State["CANCELLED"])
except ValueError as e:
    print("refused:", e)
