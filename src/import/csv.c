/*
 * csv.c: the streaming CSV reader and its byte source.  See csv.h.
 *
 * How a record is read:
 *
 * - The fast path: find the line end with memchr; if the line holds no
 *   quote, it is one record, split at each delimiter with memchr, each
 *   delimiter overwritten by a NUL.  Most lines of most exports go this
 *   way, which is what makes the reader run at memory speed.
 * - The slow path, for a line with a quote or a record that runs past the
 *   bytes in the buffer: field by field.  A quoted field is first scanned
 *   to its closing quote without being touched, and only then unquoted in
 *   place (a doubled quote shrinks to one, so the text moves left and
 *   there is always room for the NUL).  When the buffer runs out in the
 *   middle of a field, the fields already read are kept (as offsets from
 *   the record start, since the buffer moves) and the unfinished field is
 *   read again from its start after the refill; nothing in it was written
 *   yet, which is why quoted fields are scanned before they are unquoted.
 *
 * Line numbers: a record starts on the line after the previous record's
 * last line; each newline inside a quoted field adds one.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/csv.h"

/* ---------------------------------------------------------------- source */

static enum err_code
src_init(struct csv_src *s, size_t bufsize, struct err *e)
{

	s->buf = malloc(bufsize + 1);
	if (s->buf == NULL)
		return err_set(e, ERR_NOMEM, "no memory for a %zu-byte read "
		    "buffer", bufsize);
	s->alloc = bufsize;
	s->buf[0] = '\0';
	return ERR_OK;
}

/* Fill until the first three bytes are in, then drop a byte order mark. */
static enum err_code
src_start(struct csv_src *s, struct err *e)
{
	int	 r;

	while (s->len < 3 && (r = csv_src_more(s, 0, e)) != 0)
		if (r < 0) {
			csv_src_close(s);
			return e != NULL ? e->code : ERR_IO;
		}
	if (s->len >= 3 && memcmp(s->buf, "\xef\xbb\xbf", 3) == 0) {
		memmove(s->buf, s->buf + 3, s->len - 3);
		s->len -= 3;
		s->base = 3;
	}
	return ERR_OK;
}

enum err_code
csv_src_open_fd(struct csv_src *s, int fd, size_t bufsize, struct err *e)
{
	struct stat	 st;
	enum err_code	 rc;

	memset(s, 0, sizeof(*s));
	s->fd = fd;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		s->total = (uint64_t)st.st_size;
	if ((rc = src_init(s, bufsize ? bufsize : CSV_BUF_DEFAULT, e)) != 0)
		return rc;
	return src_start(s, e);
}

enum err_code
csv_src_open_mem(struct csv_src *s, const char *mem, size_t len,
    size_t bufsize, struct err *e)
{
	enum err_code	 rc;

	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->mem = mem;
	s->memlen = len;
	s->total = len;
	if (bufsize == 0)
		bufsize = CSV_BUF_DEFAULT;
	/* a small input needs no 1 MiB buffer (the fuzzer opens millions) */
	if (len < bufsize)
		bufsize = len < 4 ? 4 : len;
	if ((rc = src_init(s, bufsize, e)) != 0)
		return rc;
	return src_start(s, e);
}

int
csv_src_more(struct csv_src *s, size_t keep, struct err *e)
{
	size_t	 room, n;
	ssize_t	 r;
	char	*p;

	if (keep > 0) {
		memmove(s->buf, s->buf + keep, s->len - keep);
		s->len -= keep;
		s->base += keep;
	}
	if (s->eof)
		return 0;
	if (s->len == s->alloc) {
		if (s->alloc > (SIZE_MAX - 1) / 2) {
			err_set(e, ERR_NOMEM, "read buffer of %zu bytes cannot "
			    "grow", s->alloc);
			return -1;
		}
		if ((p = realloc(s->buf, s->alloc * 2 + 1)) == NULL) {
			err_set(e, ERR_NOMEM, "no memory to grow the read "
			    "buffer to %zu bytes", s->alloc * 2);
			return -1;
		}
		s->buf = p;
		s->alloc *= 2;
	}
	room = s->alloc - s->len;
	if (s->fd < 0) {
		n = s->memlen - s->mempos;
		if (n > room)
			n = room;
		memcpy(s->buf + s->len, s->mem + s->mempos, n);
		s->mempos += n;
		s->len += n;
		if (n == 0)
			s->eof = 1;
		return n > 0;
	}
	if (room > SSIZE_MAX)
		room = SSIZE_MAX;
	do
		r = read(s->fd, s->buf + s->len, room);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		err_set(e, ERR_IO, "read error at byte %llu: %s",
		    (unsigned long long)(s->base + s->len), strerror(errno));
		return -1;
	}
	if (r == 0) {
		s->eof = 1;
		return 0;
	}
	s->len += (size_t)r;
	return 1;
}

int
csv_src_peek(const struct csv_src *s)
{
	size_t	 i;

	for (i = 0; i < s->len; i++)
		if (strchr(" \t\r\n", s->buf[i]) == NULL || s->buf[i] == '\0')
			return (unsigned char)s->buf[i];
	return -1;
}

void
csv_src_close(struct csv_src *s)
{

	free(s->buf);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
}

/* ---------------------------------------------------------------- reader */

struct csv_field {
	size_t	 off;		/* from the record start */
	size_t	 len;
};

enum csv_skip {
	CSV_SKIP_NONE,
	CSV_SKIP_LINE,		/* to the end of the physical line */
	CSV_SKIP_RECORD		/* to the next newline outside quotes */
};

struct csv {
	struct csv_src		 src;
	int			 delim;
	size_t			 max_record;
	unsigned char		 stop[256];	/* bytes that end an unquoted run */
	size_t			 pos;		/* next unread byte in src.buf */
	size_t			 rec;		/* current record start in src.buf */
	long			 line;		/* where the current record starts */
	long			 next_line;	/* where the next one starts */
	struct csv_field	*f;
	size_t			 nf;
	size_t			 fcap;
	enum csv_skip		 skip;		/* owed before the next record */
	int			 done;		/* the input is used up */
	int			 fatal;		/* ferr holds a final error */
	struct err		 ferr;
};

/* Append a field; -1 (and a final error) when memory runs out. */
static int
csv_push(struct csv *c, size_t off, size_t len)
{
	struct csv_field	*p;
	size_t			 ncap;

	if (c->nf == c->fcap) {
		ncap = c->fcap * 2;
		if (ncap > SIZE_MAX / sizeof(*p) ||
		    (p = realloc(c->f, ncap * sizeof(*p))) == NULL) {
			c->fatal = 1;
			err_set(&c->ferr, ERR_NOMEM, "no memory for %zu fields",
			    ncap);
			return -1;
		}
		c->f = p;
		c->fcap = ncap;
	}
	c->f[c->nf].off = off;
	c->f[c->nf].len = len;
	c->nf++;
	return 0;
}

/* Refill, keeping src.buf[keep..); offsets shift down by keep. */
static int
csv_more(struct csv *c, size_t keep)
{
	int	 r;

	if ((r = csv_src_more(&c->src, keep, &c->ferr)) < 0) {
		c->fatal = 1;
		return -1;
	}
	c->pos = c->pos >= keep ? c->pos - keep : 0;
	c->rec = c->rec >= keep ? c->rec - keep : 0;
	return r;
}

static long
count_nl(const char *p, const char *end)
{
	long	 n = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Set a record-level error and the skip owed before the next record. */
static int
csv_bad(struct csv *c, long nls, enum csv_skip skip, size_t from,
    struct err *e, enum err_code code, const char *what, const char *quote,
    size_t qlen)
{
	size_t	 n;

	c->nf = 0;
	c->line = c->next_line;
	c->next_line += nls;
	c->skip = skip;
	c->pos = from;
	if (quote == NULL) {
		err_set(e, code, "line %ld: %s", c->line, what);
		return -1;
	}
	/* quote the start of the offending text, up to its line end */
	for (n = 0; n < qlen && n < 40 && quote[n] != '\n' && quote[n] != '\r' &&
	    quote[n] != '\0'; n++)
		;
	err_set(e, code, "line %ld: %s \"%.*s%s\"", c->line, what, (int)n,
	    quote, n == 40 && n < qlen ? "..." : "");
	return -1;
}

/*
 * The slow path: read the record at c->rec field by field.  1 a record,
 * -1 an error (record-level, or final when c->fatal is set).
 */
static int
csv_slow(struct csv *c, struct err *e)
{
	char	*buf, *b, *p, *q, *s, *end, *fe, *w, *r;
	size_t	 fo = 0;	/* the field being read, from the record start */
	long	 nls = 0;	/* newlines inside quoted fields so far */
	int	 eof, dq, last;

	c->nf = 0;
	for (;;) {
		buf = c->src.buf;
		b = buf + c->rec;
		p = b + fo;
		end = buf + c->src.len;
		eof = c->src.eof;
		if (p == end) {
			if (!eof)
				goto more;
			/* the input ends right after a delimiter */
			*p = '\0';
			if (csv_push(c, fo, 0) < 0)
				return -1;
			c->pos = c->src.len;
			break;
		}
		if (*p == '"') {
			dq = 0;
			q = p + 1;
			for (;;) {
				q = memchr(q, '"', (size_t)(end - q));
				if (q == NULL || (q + 1 == end && !eof)) {
					if (!eof)
						goto more;
					c->done = 1;
					return csv_bad(c, 0, CSV_SKIP_NONE,
					    c->src.len, e, ERR_INVAL,
					    "unterminated quoted field starting",
					    p, (size_t)(end - p));
				}
				if (q + 1 < end && q[1] == '"') {
					dq = 1;
					q += 2;
					continue;
				}
				break;
			}
			s = q + 1;
			last = 1;
			if (s == end)
				r = s;
			else if (*s == c->delim) {
				r = s + 1;
				last = 0;
			} else if (*s == '\n')
				r = s + 1;
			else if (*s == '\r' && s + 1 == end) {
				if (!eof)
					goto more;
				r = s + 1;
			} else if (*s == '\r' && s[1] == '\n')
				r = s + 2;
			else
				return csv_bad(c, nls + count_nl(p, q),
				    CSV_SKIP_LINE, (size_t)(s - buf), e,
				    ERR_INVAL, "text after a closing quote:",
				    p, (size_t)(s + 1 - p));
			nls += count_nl(p, q);
			if (dq) {
				/* "" -> ": the text moves left, never past q */
				for (w = s = p + 1; s < q; s++) {
					*w++ = *s;
					if (*s == '"')
						s++;
				}
				fe = w;
			} else
				fe = q;
			*fe = '\0';
			if (csv_push(c, (size_t)(p + 1 - b),
			    (size_t)(fe - p - 1)) < 0)
				return -1;
			if (last) {
				c->pos = (size_t)(r - buf);
				break;
			}
			fo = (size_t)(r - b);
			continue;
		}
		for (s = p; s < end && !c->stop[(unsigned char)*s]; s++)
			;
		if (s == end && !eof)
			goto more;
		if (s < end && *s == '"')
			return csv_bad(c, nls, CSV_SKIP_LINE, (size_t)(s - buf),
			    e, ERR_INVAL, "stray quote in unquoted field", p,
			    (size_t)(s + 1 - p));
		if (s < end && *s == c->delim) {
			*s = '\0';
			if (csv_push(c, fo, (size_t)(s - p)) < 0)
				return -1;
			fo = (size_t)(s + 1 - b);
			continue;
		}
		/* a newline, or the end of the input */
		fe = s;
		if (fe > p && fe[-1] == '\r')
			fe--;
		*fe = '\0';
		if (csv_push(c, fo, (size_t)(fe - p)) < 0)
			return -1;
		c->pos = (size_t)(s - buf) + (s < end);
		break;
more:
		if (c->src.len - c->rec >= c->max_record)
			return csv_bad(c, nls, CSV_SKIP_RECORD, c->rec + fo, e,
			    ERR_TOOBIG, "record longer than the limit", NULL,
			    0);
		if (csv_more(c, c->rec) < 0)
			return -1;
	}
	c->line = c->next_line;
	c->next_line += 1 + nls;
	return 1;
}

/* Skip what is left of a bad record; -1 on a final error. */
static int
csv_skip(struct csv *c)
{
	char	*buf, *s, *end, *nl;
	int	 inq = 0;

	for (;;) {
		buf = c->src.buf;
		s = buf + c->pos;
		end = buf + c->src.len;
		if (c->skip == CSV_SKIP_LINE) {
			if ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
				c->pos = (size_t)(nl + 1 - buf);
				c->next_line++;
				break;
			}
		} else {
			for (; s < end; s++)
				if (*s == '"')
					inq = !inq;
				else if (*s == '\n') {
					c->next_line++;
					if (!inq)
						break;
				}
			if (s < end) {
				c->pos = (size_t)(s + 1 - buf);
				break;
			}
		}
		c->pos = c->src.len;
		if (c->src.eof)
			break;
		if (csv_more(c, c->pos) < 0)
			return -1;
	}
	c->skip = CSV_SKIP_NONE;
	return 0;
}

static int
csv_fail(struct csv *c, struct err *e)
{

	c->nf = 0;
	if (e != NULL)
		*e = c->ferr;
	return -1;
}

int
csv_next(struct csv *c, struct err *e)
{
	char	*buf, *p, *nl, *lend, *d, *fe;
	size_t	 avail;
	int	 r;

	if (c->fatal)
		return csv_fail(c, e);
	c->nf = 0;
	if (c->skip != CSV_SKIP_NONE && csv_skip(c) < 0)
		return csv_fail(c, e);
	for (;;) {
		if (c->done)
			return 0;
		buf = c->src.buf;
		p = buf + c->pos;
		avail = c->src.len - c->pos;
		if (avail == 0 || (avail == 1 && *p == '\r' && !c->src.eof)) {
			if (c->src.eof) {
				c->done = 1;
				return 0;
			}
			if (csv_more(c, c->pos) < 0)
				return csv_fail(c, e);
			continue;
		}
		/* blank lines are skipped, not read as one empty field */
		if (*p == '\n' || (*p == '\r' && (avail == 1 || p[1] == '\n'))) {
			c->pos += *p == '\r' ? 2 : 1;
			if (c->pos > c->src.len)
				c->pos = c->src.len;
			else
				c->next_line++;
			continue;
		}
		break;
	}
	c->rec = c->pos;
	nl = memchr(p, '\n', avail);
	lend = nl != NULL ? nl : p + avail;
	if ((nl == NULL && !c->src.eof) ||
	    memchr(p, '"', (size_t)(lend - p)) != NULL) {
		if ((r = csv_slow(c, e)) < 0)
			return c->fatal ? csv_fail(c, e) : -1;
	} else {
		/* the fast path: a line without quotes is one record */
		fe = lend;
		if (fe > p && fe[-1] == '\r')
			fe--;
		for (;;) {
			d = memchr(p, c->delim, (size_t)(fe - p));
			if (c->nf == c->fcap || d == NULL) {
				if (csv_push(c, (size_t)(p - buf) - c->rec,
				    (size_t)((d ? d : fe) - p)) < 0)
					return csv_fail(c, e);
			} else {
				/* csv_push, inlined for the common case */
				c->f[c->nf].off = (size_t)(p - buf) - c->rec;
				c->f[c->nf].len = (size_t)(d - p);
				c->nf++;
			}
			if (d == NULL)
				break;
			*d = '\0';
			p = d + 1;
		}
		*fe = '\0';
		c->pos = (size_t)(lend - buf) + (nl != NULL);
		c->line = c->next_line++;
	}
	if (c->pos - c->rec > c->max_record) {
		c->nf = 0;
		return err_set(e, ERR_TOOBIG, "line %ld: record longer than "
		    "the limit", c->line), -1;
	}
	return 1;
}

/* Pick the delimiter from the header line (see csv.h). */
static int
csv_detect(struct csv *c)
{
	size_t	 n[3], i;
	char	*s, *end;
	int	 inq, best;

	for (;;) {
		memset(n, 0, sizeof(n));
		inq = 0;
		s = c->src.buf + c->pos;
		end = c->src.buf + c->src.len;
		for (; s < end; s++) {
			if (*s == '"')
				inq = !inq;
			else if (inq)
				continue;
			else if (*s == '\n')
				break;
			else if (*s == ',')
				n[0]++;
			else if (*s == ';')
				n[1]++;
			else if (*s == '\t')
				n[2]++;
		}
		if (s < end || c->src.eof ||
		    c->src.len - c->pos >= c->max_record)
			break;
		if (csv_more(c, c->pos) < 0)
			return -1;
	}
	best = 0;
	for (i = 1; i < 3; i++)
		if (n[i] > n[best])
			best = (int)i;
	c->delim = ",;\t"[best];
	return 0;
}

enum err_code
csv_open_src(struct csv_src *src, const struct csv_opts *o, struct csv **out,
    struct err *e)
{
	struct csv	*c;
	int		 delim = o != NULL ? o->delim : 0;

	*out = NULL;
	if (delim != 0 && delim != ',' && delim != ';' && delim != '\t') {
		csv_src_close(src);
		return err_set(e, ERR_INVAL, "delimiter '%c' is not one of "
		    "',' ';' or tab", delim);
	}
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->f = calloc(64, sizeof(*c->f))) == NULL) {
		free(c);
		csv_src_close(src);
		return err_set(e, ERR_NOMEM, "no memory for a csv reader");
	}
	c->fcap = 64;
	c->src = *src;
	memset(src, 0, sizeof(*src));
	src->fd = -1;
	c->max_record = o != NULL && o->max_record ? o->max_record :
	    CSV_RECORD_MAX_DEFAULT;
	c->next_line = 1;
	if (delim == 0 && csv_detect(c) < 0) {
		if (e != NULL)
			*e = c->ferr;
		csv_close(c);
		return e != NULL ? e->code : ERR_IO;
	}
	if (delim != 0)
		c->delim = delim;
	c->stop[(unsigned char)c->delim] = 1;
	c->stop['\n'] = 1;
	c->stop['"'] = 1;
	*out = c;
	return ERR_OK;
}

enum err_code
csv_open_fd(int fd, const struct csv_opts *o, struct csv **out, struct err *e)
{
	struct csv_src	 src;
	enum err_code	 rc;

	*out = NULL;
	if ((rc = csv_src_open_fd(&src, fd, o ? o->bufsize : 0, e)) != 0)
		return rc;
	return csv_open_src(&src, o, out, e);
}

enum err_code
csv_open_mem(const char *mem, size_t len, const struct csv_opts *o,
    struct csv **out, struct err *e)
{
	struct csv_src	 src;
	enum err_code	 rc;

	*out = NULL;
	if ((rc = csv_src_open_mem(&src, mem, len, o ? o->bufsize : 0, e)) != 0)
		return rc;
	return csv_open_src(&src, o, out, e);
}

void
csv_close(struct csv *c)
{

	if (c == NULL)
		return;
	csv_src_close(&c->src);
	free(c->f);
	free(c);
}

int
csv_failed(const struct csv *c)
{

	return c->fatal;
}

size_t
csv_nfields(const struct csv *c)
{

	return c->nf;
}

const char *
csv_field(const struct csv *c, size_t i, size_t *len)
{

	if (i >= c->nf)
		return NULL;
	if (len != NULL)
		*len = c->f[i].len;
	return c->src.buf + c->rec + c->f[i].off;
}

long
csv_line(const struct csv *c)
{

	return c->line;
}

uint64_t
csv_bytes_read(const struct csv *c)
{

	return c->src.base + c->pos;
}

uint64_t
csv_bytes_total(const struct csv *c)
{

	return c->src.total;
}

int
csv_delim(const struct csv *c)
{

	return c->delim;
}
