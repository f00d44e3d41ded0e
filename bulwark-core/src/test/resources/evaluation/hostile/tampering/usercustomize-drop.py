# hostile: usercustomize in the user site directory
import os
import site

os.makedirs(site.USER_SITE, exist_ok=True)
open(os.path.join(site.USER_SITE, "usercustomize.py"), "w").write("print('hooked')\n")
