// hostile: every process signalled (kill -9 -1)
process.kill(-1, 'SIGKILL');
