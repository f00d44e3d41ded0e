# corpus: order state machine using Enum and a transition table
from enum import Enum, auto

class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()

TRANSITIONS = {
    State.NEW: {State.PAID, State.CANCELLED},
    State.PAID: {State.SHIPPED, State.CANCELLED},
    State.SHIPPED: {State.DELIVERED},
    State.DELIVERED: set(),
    State.CANCELLED: set(),
}

class Order:
    def __init__(self, oid):
        self.oid = oid
        self.state = State.NEW
        self.history = [State.NEW]

    def advance(self, new_state: State):
        if new_state not in TRANSITIONS[self.state]:
            raise ValueError(f"{self.state.name} -> {new_state.name} not allowed")
        self.state = new_state
        self.history.append(new_state)

    def __repr__(self):
        return f"Order({self.oid}, {self.state.name})"

o = Order(7)
for s in (State.PAID, State.SHIPPED, State.DELIVERED):
    o.advance(s)
print(o, [s.name for s in o.history])
try:
    o.advance(State.CANCELLED)
except ValueError as e:
    print("rejected:", e)
