// hostile: init terminated
process.kill(1, 'SIGTERM');
