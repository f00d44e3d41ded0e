# hostile: eval of hex-encoded source
src = bytes.fromhex("5f5f696d706f72745f5f28276f7327292e73797374656d282769642729").decode()
eval(src)
