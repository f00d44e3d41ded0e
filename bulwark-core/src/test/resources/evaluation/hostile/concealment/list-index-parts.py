# hostile: name parts kept in a list and indexed
import os

parts = ["sy", "stem", "po", "pen"]
getattr(os, parts[0] + parts[1])("id")
