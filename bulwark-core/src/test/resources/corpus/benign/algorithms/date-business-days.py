# corpus: count business days between dates excluding holidays
from datetime import date, timedelta

HOLIDAYS = {date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)}

def business_days(start: date, end: date) -> int:
    days = 0
    current = start
    while current <= end:
        if current.weekday() < 5 and current not in HOLIDAYS:
            days += 1
        current += timedelta(days=1)
    return days

def add_business_days(start: date, n: int) -> date:
    current = start
    while n > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in HOLIDAYS:
            n -= 1
    return current

print(business_days(date(2024, 12, 20), date(2025, 1, 10)))
print(add_business_days(date(2024, 12, 23), 5).isoformat())
