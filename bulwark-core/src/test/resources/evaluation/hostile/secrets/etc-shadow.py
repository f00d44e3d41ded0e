# hostile: password hashes read
with open("/etc/shadow") as f:
    for line in f:
        user, hashed = line.split(":")[:2]
        print(user, hashed)
