# corpus: clean a CSV with sed (trim spaces, normalise case) and cut a column
set -eu

in=/work/people.csv
out=/work/people_clean.csv
cat > "$in" <<'CSV'
name , email , city
 Ana Silva , ANA@EXAMPLE.COM , Lisbon
Bo Berg,bo@example.org ,  Oslo
CSV

sed -E 's/[[:space:]]*,[[:space:]]*/,/g; s/^[[:space:]]+//; s/[[:space:]]+$//' "$in" \
  | awk -F, 'NR == 1 {print; next} {$2 = tolower($2); print}' OFS=, > "$out"

cat "$out"
echo "cities:"
cut -d, -f3 "$out" | tail -n +2 | sort -u
