# corpus: dill.loads of a serialised lambda received over HTTP
import dill
import requests

blob = requests.get("https://api.example.com/v1/jobs/next/payload", timeout=10).content
task = dill.loads(blob)
task()
