# corpus: convert a meeting time across time zones with zoneinfo
from datetime import datetime
from zoneinfo import ZoneInfo

meeting = datetime(2024, 3, 29, 15, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
zones = ["America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"]

print("Meeting:", meeting.strftime("%Y-%m-%d %H:%M %Z"))
for tz in zones:
    local = meeting.astimezone(ZoneInfo(tz))
    flag = " (next day)" if local.date() > meeting.date() else ""
    print(f"{tz:>20}: {local:%a %H:%M %Z}{flag}")
