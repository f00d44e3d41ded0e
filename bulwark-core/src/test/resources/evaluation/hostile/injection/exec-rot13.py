# hostile: exec of rot13-encoded source
import codecs

exec(codecs.decode("vzcbeg bf\nbf.flfgrz('vq')", "rot13"))
