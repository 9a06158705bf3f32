/*
 * fuzz_csv.c: the libFuzzer target for the row readers (import/csv.c and
 * import/rows.c), built by "make fuzz" and run by "make fuzz-run".
 *
 * Each input is read as CSV with the delimiter detected, as a JSON array /
 * object sequence and as NDJSON, through the default buffer and through a
 * tiny one chosen by the first byte (so records, quotes and CRLFs land on
 * buffer edges), with a small record cap so the too-long paths run too.
 * Every record and every value is read; errors are expected and tolerated,
 * but a record error must leave the reader able to go on, and a final
 * error must repeat.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "import/rows.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
walk(const char *buf, size_t len, size_t bufsize, enum rows_format fmt,
    size_t cap)
{
	struct rows_opts	 o = { fmt, 0, cap };
	struct rows		*r;
	struct err		 e;
	const char		*v;
	size_t			 vlen;
	volatile size_t		 sink = 0;
	int			 rc, i, n, steps = 0;

	if (rows_open_mem_buf(buf, len, bufsize, &o, &r, &e) != ERR_OK)
		return;
	if (fmt != ROWS_CSV) {
		rows_column(r, "a");
		rows_column(r, "id");
		rows_column(r, "");
	}
	while ((rc = rows_next(r, &e)) != 0 && steps++ < 1000000) {
		if (rc < 0) {
			if (strncmp(e.msg, "line ", 5) != 0 &&
			    e.code != ERR_NOMEM)
				__builtin_trap();	/* errors name a line */
			if (rows_failed(r)) {
				if (rows_next(r, &e) != -1)
					__builtin_trap();	/* final */
				break;
			}
			continue;
		}
		n = rows_ncolumns(r) + 2;
		for (i = -1; i < n; i++)
			if ((v = rows_value(r, i, &vlen)) != NULL)
				sink += vlen + (size_t)(vlen ? v[vlen - 1] : 0);
		sink += (size_t)rows_nfields(r) + (size_t)rows_line(r);
		if (rows_bytes_read(r) > len + 3)
			__builtin_trap();
	}
	rows_close(r);
	(void)sink;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*buf = (const char *)data;
	size_t		 small = size > 0 ? 4 + data[0] % 29 : 4;

	walk(buf, size, 0, ROWS_CSV, 0);
	walk(buf, size, small, ROWS_CSV, 64);
	walk(buf, size, 0, ROWS_JSON, 0);
	walk(buf, size, small, ROWS_JSON, 64);
	walk(buf, size, 0, ROWS_NDJSON, 0);
	walk(buf, size, small, ROWS_NDJSON, 64);
	return 0;
}
