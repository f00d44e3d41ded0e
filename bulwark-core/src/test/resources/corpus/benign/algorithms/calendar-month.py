# corpus: print a month calendar and the weekday of given dates
import calendar
from datetime import date

cal = calendar.TextCalendar(firstweekday=calendar.MONDAY)
print(cal.formatmonth(2024, 2))
print("2024 is leap:", calendar.isleap(2024))

for d in [date(1969, 7, 20), date(2000, 1, 1), date(2038, 1, 19)]:
    print(d.isoformat(), calendar.day_name[d.weekday()])

birthdays = {"ana": date(1990, 3, 14), "bo": date(1985, 11, 2)}
today = date(2024, 6, 1)
for name, bd in birthdays.items():
    nxt = bd.replace(year=today.year)
    if nxt < today:
        nxt = nxt.replace(year=today.year + 1)
    print(f"{name}: {(nxt - today).days} days until birthday")
