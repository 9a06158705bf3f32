/*
 * csv.h: a streaming CSV reader (RFC 4180) and the buffered byte source it
 * shares with the JSON readers of rows.c.
 *
 * The reader takes what real exports throw at it: quoted fields holding the
 * delimiter, newlines and doubled quotes; CRLF or LF line ends and a last
 * line without one; a UTF-8 byte order mark; `,` `;` or tab as delimiter,
 * given or detected from the header line.  Blank lines are skipped.
 *
 * It is built to be fast and flat in memory: input comes through read(2)
 * into one buffer (1 MiB, grown only for a record longer than that, up to a
 * cap), fields are pointers into that buffer, unquoted in place and
 * NUL-terminated there, and a line without a quote, the common case, is
 * split with two memchr passes.  Nothing is allocated per record or field.
 *
 * Errors: a record the reader cannot make sense of (a quote inside an
 * unquoted field, text after a closing quote, a record over the cap) is
 * reported with the physical line where it starts, "line N: ...", and the
 * next csv_next() goes on with the following record, so an importer can
 * skip it.  An unterminated quoted field swallows the rest of the input: it
 * is reported once, then the input ends.  A read error is final.
 *
 * Ownership: struct csv owns its buffer and its source (memory is copied
 * in; a file descriptor is borrowed and not closed).  Field pointers are
 * borrowed and valid until the next csv_next() or csv_close().
 */
#ifndef IMPORT_CSV_H
#define IMPORT_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define CSV_BUF_DEFAULT		((size_t)1 << 20)	/* 1 MiB */
#define CSV_RECORD_MAX_DEFAULT	((size_t)16 << 20)	/* 16 MiB */

/*
 * The byte source: a buffer over a file descriptor or a memory block.
 * buf[0..len) holds the bytes not yet dropped; buf has one spare byte past
 * alloc so a reader can NUL-terminate the last field of the input.  A
 * UTF-8 byte order mark at the start of the input is dropped when the
 * source is opened, so readers never see it.
 */
struct csv_src {
	char		*buf;
	size_t		 alloc;		/* usable size of buf (one more allocated) */
	size_t		 len;		/* bytes held */
	uint64_t	 base;		/* input offset of buf[0] */
	uint64_t	 total;		/* input size when known, else 0 */
	int		 eof;		/* the input has no more bytes to give */
	int		 fd;		/* -1 when reading memory */
	const char	*mem;
	size_t		 memlen;
	size_t		 mempos;
};

/* Open a source over fd (borrowed) with a buffer of bufsize bytes (0: 1 MiB). */
enum err_code	csv_src_open_fd(struct csv_src *, int fd, size_t bufsize,
		    struct err *);
/* Open a source over len bytes at mem (borrowed, must outlive the source). */
enum err_code	csv_src_open_mem(struct csv_src *, const char *mem, size_t len,
		    size_t bufsize, struct err *);
/*
 * Drop buf[0..keep), move the rest to the start of the buffer (so every
 * offset into buf shifts down by keep), grow the buffer if the rest fills
 * it, and read more after it.  Returns 1 when bytes arrived, 0 at the end
 * of the input, -1 on a read or allocation error (in e).
 */
int		csv_src_more(struct csv_src *, size_t keep, struct err *);
/* The first byte of the input that is not JSON white space (looking at
 * the first buffer only), or -1 if there is none. */
int		csv_src_peek(const struct csv_src *);
void		csv_src_close(struct csv_src *);

struct csv_opts {
	int	 delim;		/* ',', ';', '\t', or 0 to detect from the header */
	size_t	 max_record;	/* bytes a record may take; 0: 16 MiB */
	size_t	 bufsize;	/* the read buffer; 0: 1 MiB (tests use tiny ones) */
};

struct csv;

/*
 * Open a reader over src, which it takes over (*src is left empty, also on
 * failure).  With delim 0 the header line decides: the candidate seen most
 * often outside quotes, ties and none going to ','.  ERR_INVAL for a
 * delimiter other than the three.
 */
enum err_code	csv_open_src(struct csv_src *src, const struct csv_opts *,
		    struct csv **, struct err *);
/* Shorthands: over a file descriptor (borrowed) or a memory block. */
enum err_code	csv_open_fd(int fd, const struct csv_opts *, struct csv **,
		    struct err *);
enum err_code	csv_open_mem(const char *, size_t, const struct csv_opts *,
		    struct csv **, struct err *);
void		csv_close(struct csv *);

/*
 * The next record: 1 a record, 0 the end of the input, -1 an error in e
 * whose message starts "line N: " for a record-level error (call again to
 * go on with the next record) or describes a read error (final: every
 * later call returns -1 with the same error).
 */
int		csv_next(struct csv *, struct err *);
/* Nonzero once csv_next has met a final error. */
int		csv_failed(const struct csv *);
/* Fields in the current record (0 after an error). */
size_t		csv_nfields(const struct csv *);
/* Field i of the current record, NUL-terminated, unquoted; NULL when i is
 * out of range.  *len (if not NULL) gets its length, which counts any NUL
 * byte inside the field. */
const char	*csv_field(const struct csv *, size_t i, size_t *len);
/* The physical line (1-based) where the current record starts. */
long		csv_line(const struct csv *);
/* Bytes of input consumed so far, and the input size (0 when unknown). */
uint64_t	csv_bytes_read(const struct csv *);
uint64_t	csv_bytes_total(const struct csv *);
int		csv_delim(const struct csv *);

#endif /* IMPORT_CSV_H */
