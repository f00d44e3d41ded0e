# corpus: Caesar and Vigenere ciphers for a classroom exercise
import string

ALPHA = string.ascii_lowercase

def caesar(text, shift):
    table = str.maketrans(ALPHA + ALPHA.upper(),
                          ALPHA[shift:] + ALPHA[:shift] + (ALPHA[shift:] + ALPHA[:shift]).upper())
    return text.translate(table)

def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.lower() in ALPHA:
            shift = ALPHA.index(key[k % len(key)])
            shift = -shift if decrypt else shift
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)

msg = "Attack at Dawn!"
print(caesar(msg, 3), "|", caesar(caesar(msg, 3), 23))
enc = vigenere(msg, "lemon")
print(enc, "|", vigenere(enc, "lemon", decrypt=True))
