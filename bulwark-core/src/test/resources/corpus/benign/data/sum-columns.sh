# corpus: sum and average numeric columns of a TSV with an awk function
data=/work/scores.tsv
printf 'name\tmath\tphysics\n' > "$data"
printf 'ana\t91\t78\nbo\t67\t88\ncy\t85\t92\n' >> "$data"

awk -F'\t' '
function avg(total, n) { return n ? total / n : 0 }
NR == 1 { for (i = 2; i <= NF; i++) hdr[i] = $i; next }
{ for (i = 2; i <= NF; i++) sum[i] += $i; rows++ }
END {
  for (i = 2; i in hdr; i++)
    printf "%-8s sum=%d avg=%.2f\n", hdr[i], sum[i], avg(sum[i], rows)
}' "$data"
