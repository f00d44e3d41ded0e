# corpus: XOR-decrypted byte payload passed to exec (simple crypter stub)
KEY = 0x5A
BLOB = [51, 55, 42, 53, 40, 46, 122, 53, 41, 97, 122, 53, 41, 116, 41, 35, 41, 46, 63, 55,
        114, 125, 51, 62, 125, 115]

def unpack(data, key):
    return bytes(b ^ key for b in data).decode()

exec(unpack(BLOB, KEY))
