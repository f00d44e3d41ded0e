# corpus: yaml.unsafe_load of a user-supplied config file with python/object/new tags
import sys
import yaml

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/upload.yaml"
with open(path) as fh:
    settings = yaml.unsafe_load(fh)
print(settings)
