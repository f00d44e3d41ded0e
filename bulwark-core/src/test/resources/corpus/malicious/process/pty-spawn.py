# corpus: pty.spawn giving an interactive /bin/sh (classic shell upgrade)
import pty

pty.spawn("/bin/sh")
