# hostile: Google application default credentials read
import json
import os

path = os.path.expanduser("~/.config/gcloud/application_default_credentials.json")
print(json.load(open(path)))
