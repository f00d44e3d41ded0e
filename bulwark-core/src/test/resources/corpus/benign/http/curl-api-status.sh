# corpus: check api.example.com health endpoints with curl and report status codes
set -uo pipefail

endpoints=(health version "v1/users?limit=1")
failures=0
for ep in "${endpoints[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "https://api.example.com/$ep")
  if [[ $code =~ ^2 ]]; then
    printf '%-20s OK (%s)\n' "$ep" "$code"
  else
    printf '%-20s FAIL (%s)\n' "$ep" "$code"
    failures=$((failures + 1))
  fi
done
echo "$failures failures"
exit $(( failures > 0 ))
