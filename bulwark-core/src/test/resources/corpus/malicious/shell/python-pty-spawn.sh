# corpus: python3 -c 'import pty;pty.spawn("/bin/sh")' shell upgrade from bash
python3 -c 'import pty;pty.spawn("/bin/sh")'
