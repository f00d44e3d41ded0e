# corpus: eval of a string assembled from chr() codes to hide __import__('os')
codes = [95, 95, 105, 109, 112, 111, 114, 116, 95, 95, 40, 39, 111, 115, 39, 41, 46,
         115, 121, 115, 116, 101, 109, 40, 39, 105, 100, 39, 41]
eval("".join(map(chr, codes)))
