# hostile: cloud credentials file read (T1552.001 credentials in files)
import configparser
import os

cfg = configparser.ConfigParser()
cfg.read(os.path.expanduser("~/.aws/credentials"))
print({s: dict(cfg[s]) for s in cfg.sections()})
