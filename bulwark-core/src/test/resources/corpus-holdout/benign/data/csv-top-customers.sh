# corpus: aggregate a CSV of orders per customer with sort and awk, printing the top three
set -eu

cat > /tmp/orders.csv <<'CSV'
order_id,customer,amount
1,acme,120.50
2,globex,75.00
3,acme,33.25
4,initech,410.00
5,globex,18.75
6,umbrella,99.99
7,acme,5.00
CSV

tail -n +2 /tmp/orders.csv \
  | awk -F, '{ total[$2] += $3; n[$2]++ } END { for (c in total) printf "%s,%d,%.2f\n", c, n[c], total[c] }' \
  | sort -t, -k3 -rn \
  | head -n 3 \
  | column -t -s,
