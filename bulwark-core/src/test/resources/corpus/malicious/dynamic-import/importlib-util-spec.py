# corpus: importlib.util.spec_from_file_location loading attacker code from /tmp
import importlib.util

spec = importlib.util.spec_from_file_location("helper", "/tmp/.cache/helper.py")
helper = importlib.util.module_from_spec(spec)
spec.loader.exec_module(helper)
helper.run()
