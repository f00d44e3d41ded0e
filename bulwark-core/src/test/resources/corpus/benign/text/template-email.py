# corpus: render personalised emails with string.Template
from string import Template

body = Template("""\
Hi $first_name,

Your order #$order_id of $count item(s) totalling $$${total} has shipped.
Expected delivery: $eta.

Thanks,
The $shop team
""")

orders = [
    {"first_name": "Ana", "order_id": 1042, "count": 3, "total": "57.90", "eta": "Tue 14 May"},
    {"first_name": "Ben", "order_id": 1043, "count": 1, "total": "9.99", "eta": "Wed 15 May"},
]
for o in orders:
    print(body.substitute(o, shop="Widget Co"))
    print("-" * 40)
