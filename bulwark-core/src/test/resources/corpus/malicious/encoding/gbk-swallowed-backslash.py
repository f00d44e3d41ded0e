# corpus: gbk cookie; a multibyte lead byte swallows the backslash so an 'escaped' quote really closes the string
# -*- coding: gbk -*-
label = "ぁ\"; __import__('os').system('id') #"
print(label)
