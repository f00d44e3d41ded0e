# corpus: download a dataset from data.example.org with curl, retry, and count rows
set -euo pipefail

url="https://data.example.org/datasets/weather/2024.csv"
out=/work/weather-2024.csv

curl -sS --fail --retry 3 --retry-delay 2 -o "$out" "$url"
echo "downloaded $(wc -c < "$out") bytes"
echo "rows: $(( $(wc -l < "$out") - 1 ))"
head -n 1 "$out" | tr ',' '\n' | nl
