# corpus: group timestamped events into ISO weeks with datetime and itertools.groupby
from datetime import datetime, timedelta
from itertools import groupby

start = datetime(2024, 3, 1, 9, 30)
events = [start + timedelta(hours=17 * i) for i in range(30)]

def iso_week(ts):
    year, week, _ = ts.isocalendar()
    return f"{year}-W{week:02d}"

for week, group in groupby(sorted(events), key=iso_week):
    items = list(group)
    print(week, len(items), "events, first", items[0].strftime("%a %H:%M"))
