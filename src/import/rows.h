/*
 * rows.h: one row source over the three shapes exports come in: CSV (see
 * csv.h), a JSON array of objects, and NDJSON (one object a line).
 *
 * The importer asks for columns by name, then walks the records and reads
 * each column's value as text; it never needs to know which shape the file
 * had.  JSON is decoded by jansson one record at a time (an array is
 * streamed element by element), so memory stays flat however big the file.
 *
 * JSON mode also reads a bare sequence of objects ("{...} {...}"), which
 * covers a single object and NDJSON saved under a .json name; NDJSON mode
 * reads line by line, so a broken line is a record error the importer can
 * skip, where a broken JSON array ends the input.
 *
 * Ownership: struct rows owns its reader, buffer and decoded record.
 * Value and name pointers are borrowed: values until the next rows_next(),
 * names until rows_close().  rows_open_mem() borrows its buffer.
 */
#ifndef IMPORT_ROWS_H
#define IMPORT_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum rows_format { ROWS_AUTO, ROWS_CSV, ROWS_JSON, ROWS_NDJSON };

struct rows_opts {
	enum rows_format format;	/* ROWS_AUTO: by extension (.json, .ndjson/.jsonl), else
					   by first non-space byte ('[' JSON, '{' NDJSON), else CSV */
	int		 delim;		/* CSV: ',', ';', '\t', or 0 to detect */
	size_t		 max_record;	/* 0: 16 MiB */
};

struct rows;

/* Open path ("-" reads stdin).  For CSV, reads the header line. */
enum err_code	rows_open(const char *path, const struct rows_opts *, struct rows **,
		    struct err *);
/* The same over a memory buffer (tests, the fuzzer); buf must outlive rows. */
enum err_code	rows_open_mem(const char *buf, size_t len, const struct rows_opts *,
		    struct rows **, struct err *);
/* As rows_open_mem, reading through a buffer of bufsize bytes (0: 1 MiB):
 * tests and the fuzzer use tiny ones to put records across buffer edges. */
enum err_code	rows_open_mem_buf(const char *buf, size_t len, size_t bufsize,
		    const struct rows_opts *, struct rows **, struct err *);
void		rows_close(struct rows *);

/* The index of a named column.  CSV: the header name, matched exactly, else ignoring case and
 * surrounding spaces; -1 if absent.  JSON/NDJSON: registers the key and returns its index (a
 * key absent from an object reads as NULL). */
int		rows_column(struct rows *, const char *name);
int		rows_ncolumns(const struct rows *);
const char	*rows_column_name(const struct rows *, int col);

/* Next record: 1 a record, 0 the end, -1 an error in e (message starts "line N: ").  After a
 * record-level error (bad quoting, a JSON value that is not an object, a record too long) the
 * reader can go on: calling rows_next again continues with the next record, so an importer can
 * skip bad records.  An error it cannot go past (I/O, a broken JSON array) returns -1 again. */
int		rows_next(struct rows *, struct err *);
/* Nonzero once rows_next has met an error it cannot go past (every later call returns -1
 * again): an importer skipping bad records stops here. */
int		rows_failed(const struct rows *);
/* The value of column col in the current record: NULL when missing (a short CSV row, a JSON key
 * absent or null), "" when empty.  *len (if not NULL) gets its length.  Valid until the next
 * rows_next.  JSON: strings unescaped (UTF-8), numbers as written, true/false as "true"/"false",
 * nested arrays/objects as compact JSON text.
 * (Numbers: integers exactly; other numbers in the shortest form that reads back as the same
 * double, so "1.50" gives "1.5".  jansson keeps no number text.) */
const char	*rows_value(struct rows *, int col, size_t *len);
/* Fields in the current CSV record (so a caller can report "5 fields, the header has 7");
 * JSON: keys in the current object. */
int		rows_nfields(const struct rows *);
/* Physical line on which the current record starts (1-based; the CSV header is line 1; NDJSON:
 * its line; JSON array: the line of the object's opening brace). */
long		rows_line(const struct rows *);
/* Bytes consumed so far and the file's size (0 when unknown, e.g. stdin): for progress bars. */
uint64_t	rows_bytes_read(const struct rows *);
uint64_t	rows_bytes_total(const struct rows *);
int		rows_delim(const struct rows *);	/* the delimiter used (CSV) */
/* The format actually read (never ROWS_AUTO). */
enum rows_format rows_format(const struct rows *);

#endif /* IMPORT_ROWS_H */
