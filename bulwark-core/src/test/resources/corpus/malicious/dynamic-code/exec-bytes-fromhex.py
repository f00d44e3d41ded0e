# corpus: exec(bytes.fromhex(...)) hiding import os; os.system("id")
exec(bytes.fromhex("696d706f7274206f733b206f732e73797374656d2822696422290a"))
