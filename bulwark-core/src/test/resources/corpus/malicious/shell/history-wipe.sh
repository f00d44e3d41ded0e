# corpus: anti-forensics: disabling and wiping shell history and logs after activity
unset HISTFILE
export HISTSIZE=0
history -c
cat /dev/null > ~/.bash_history
rm -f /var/log/auth.log /var/log/wtmp 2>/dev/null
