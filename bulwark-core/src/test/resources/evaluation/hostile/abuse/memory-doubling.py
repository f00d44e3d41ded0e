# hostile: a list doubled until memory runs out
data = [0]
while True:
    data = data + data
