# compare.awk: make bench's cross-check of two engines' KPI rows.
#
#   awk -F, -f compare.awk duckdb.csv sqlite.csv
#
# Each file holds "kpi,week,team,value" rows.  Prints one line per KPI that
# differs (a key in one file only, or values further apart than a relative
# 1e-9) and a closing "agree: N of M rows"; exits 1 when anything differs.
function abs(x) { return x < 0 ? -x : x }
NR == FNR { a[$1 FS $2 FS $3] = $4; next }
{
	k = $1 FS $2 FS $3
	n++
	seen[k] = 1
	if (!(k in a)) {
		bad[$1]++
		next
	}
	x = a[k]
	y = $4
	if (x == "" || y == "") {
		if (x != y)
			bad[$1]++
		else
			same++
	} else if (abs(x - y) > 1e-9 * (abs(x) + abs(y)) + 1e-9)
		bad[$1]++
	else
		same++
}
END {
	for (k in a)
		if (!(k in seen)) {
			split(k, p, FS)
			bad[p[1]]++
			n++
		}
	rc = 0
	for (kpi in bad) {
		printf "  %s: %d rows differ\n", kpi, bad[kpi]
		rc = 1
	}
	printf "agree: %d of %d rows\n", same, n
	exit rc
}
