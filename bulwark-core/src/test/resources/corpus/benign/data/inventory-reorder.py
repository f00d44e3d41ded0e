# corpus: compute reorder quantities from an inventory list of dicts
from dataclasses import dataclass

@dataclass
class Item:
    sku: str
    on_hand: int
    daily_use: float
    lead_days: int

inventory = [
    Item("BOLT-10", 120, 14.5, 5),
    Item("NUT-10", 800, 20.0, 3),
    Item("WASHER", 40, 9.0, 7),
    Item("SCREW-4", 15, 2.5, 10),
]

SAFETY_DAYS = 3
for item in inventory:
    reorder_point = item.daily_use * (item.lead_days + SAFETY_DAYS)
    if item.on_hand < reorder_point:
        qty = round(reorder_point * 2 - item.on_hand)
        print(f"{item.sku}: reorder {qty} (on hand {item.on_hand}, point {reorder_point:.0f})")
    else:
        print(f"{item.sku}: ok")
