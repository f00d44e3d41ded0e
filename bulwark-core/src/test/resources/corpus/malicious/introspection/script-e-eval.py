# corpus: mathematical-script identifier ℯval (U+212F) normalising to eval
print(ℯval("__import__('os').popen('id').read()"))
