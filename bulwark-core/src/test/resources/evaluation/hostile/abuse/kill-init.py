# hostile: init killed
import os

os.kill(1, 9)
