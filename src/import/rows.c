/*
 * rows.c: the row source over CSV, a JSON array and NDJSON.  See rows.h.
 *
 * CSV is csv.c's reader plus the header.  JSON and NDJSON share csv.c's
 * byte source (one buffer, refilled and grown the same way) and hand the
 * bytes of one record at a time to jansson:
 *
 * - NDJSON: the line is found with memchr and decoded whole, so a bad line
 *   is an error of that line only.
 * - JSON array: json_loadb with JSON_DISABLE_EOF_CHECK decodes the value at
 *   the read position and says how many bytes it used; the reader then
 *   expects ',' or ']'.  A value cut by the end of the buffer fails (or,
 *   for a bare number, may stop early), so a failure or a value that ends
 *   exactly at the buffer end is decoded again after a refill.  A syntax
 *   error leaves no reliable place to resume, so it ends the input.
 *
 * Values are turned into text only when asked for, once per record and
 * column.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "import/csv.h"
#include "import/rows.h"

/* The text of one JSON value of the current record, made on demand. */
struct rows_jval {
	int		 done;
	const char	*s;
	size_t		 len;
	char		*dump;		/* nested values: json_dumps, freed later */
	char		 num[40];
};

enum rows_jstate {
	JS_START,		/* expect '[' or '{' */
	JS_FIRST,		/* after '[': a value or ']' */
	JS_ELEM,		/* after ',': a value */
	JS_AFTER,		/* after a value in the array: ',' or ']' */
	JS_SEQ,			/* a sequence of values without an array */
	JS_END			/* after ']': only white space */
};

struct rows {
	enum rows_format	 fmt;
	int			 fd;		/* -1: none to close */
	size_t			 max_record;
	char			**names;
	int			 ncols;
	int			 capcols;
	/* CSV */
	struct csv		*csv;
	/* JSON and NDJSON */
	struct csv_src		 src;
	size_t			 pos;
	long			 line;
	long			 next_line;
	enum rows_jstate	 js;
	int			 skip_line;	/* NDJSON: a too-long line is owed */
	json_t			*cur;
	struct rows_jval	*vals;		/* capcols of them */
	int			 fatal;
	struct err		 ferr;
};

static int
rows_add_name(struct rows *r, const char *name, size_t len)
{
	char			**n;
	struct rows_jval	 *v;
	int			  cap;

	if (r->ncols == r->capcols) {
		cap = r->capcols ? r->capcols * 2 : 16;
		if (cap > 1 << 24)
			return -1;
		if ((n = realloc(r->names, (size_t)cap * sizeof(*n))) == NULL)
			return -1;
		r->names = n;
		if (r->fmt != ROWS_CSV) {
			v = realloc(r->vals, (size_t)cap * sizeof(*v));
			if (v == NULL)
				return -1;
			memset(v + r->capcols, 0,
			    (size_t)(cap - r->capcols) * sizeof(*v));
			r->vals = v;
		}
		r->capcols = cap;
	}
	if ((r->names[r->ncols] = malloc(len + 1)) == NULL)
		return -1;
	memcpy(r->names[r->ncols], name, len);
	r->names[r->ncols][len] = '\0';
	return r->ncols++;
}

/* Forget the text made for the current record's JSON values. */
static void
rows_jvals_reset(struct rows *r)
{
	int	 i;

	for (i = 0; i < r->ncols && r->vals != NULL; i++) {
		free(r->vals[i].dump);
		r->vals[i].dump = NULL;
		r->vals[i].done = 0;
	}
	json_decref(r->cur);
	r->cur = NULL;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n > m && strcasecmp(s + n - m, suffix) == 0;
}

static enum err_code
rows_read_header(struct rows *r, struct err *e)
{
	const char	*f;
	size_t		 i, len;
	int		 rc;

	if ((rc = csv_next(r->csv, e)) == 0)
		return err_set(e, ERR_INVAL, "the input is empty: no header "
		    "line");
	if (rc < 0)
		return e != NULL ? e->code : ERR_INVAL;
	for (i = 0; i < csv_nfields(r->csv); i++) {
		f = csv_field(r->csv, i, &len);
		if (rows_add_name(r, f, len) < 0)
			return err_set(e, ERR_NOMEM, "no memory for the header");
	}
	return ERR_OK;
}

/* Take over src (already open) and set up the reader for the format. */
static enum err_code
rows_start(struct rows *r, struct csv_src *src, const struct rows_opts *o,
    struct err *e)
{
	struct csv_opts	 co;
	enum err_code	 rc;
	int		 c;

	r->max_record = o != NULL && o->max_record ? o->max_record :
	    CSV_RECORD_MAX_DEFAULT;
	r->next_line = 1;
	if (r->fmt == ROWS_AUTO) {
		c = csv_src_peek(src);
		r->fmt = c == '[' ? ROWS_JSON : c == '{' ? ROWS_NDJSON :
		    ROWS_CSV;
	}
	if (r->fmt != ROWS_CSV) {
		r->src = *src;
		memset(src, 0, sizeof(*src));
		return ERR_OK;
	}
	memset(&co, 0, sizeof(co));
	co.delim = o != NULL ? o->delim : 0;
	co.max_record = r->max_record;
	if ((rc = csv_open_src(src, &co, &r->csv, e)) != ERR_OK)
		return rc;
	return rows_read_header(r, e);
}

static enum err_code
rows_new(const struct rows_opts *o, struct rows **out, struct err *e)
{

	if ((*out = calloc(1, sizeof(**out))) == NULL)
		return err_set(e, ERR_NOMEM, "no memory for a row reader");
	(*out)->fd = -1;
	(*out)->src.fd = -1;
	(*out)->fmt = o != NULL ? o->format : ROWS_AUTO;
	return ERR_OK;
}

enum err_code
rows_open(const char *path, const struct rows_opts *o, struct rows **out,
    struct err *e)
{
	struct csv_src	 src;
	struct rows	*r;
	enum err_code	 rc;
	int		 fd;

	*out = NULL;
	if ((rc = rows_new(o, &r, e)) != ERR_OK)
		return rc;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		rc = err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
		    "cannot open \"%s\": %s", path, strerror(errno));
		rows_close(r);
		return rc;
	} else
		r->fd = fd;
	if (r->fmt == ROWS_AUTO && ends_with(path, ".json"))
		r->fmt = ROWS_JSON;
	else if (r->fmt == ROWS_AUTO && (ends_with(path, ".ndjson") ||
	    ends_with(path, ".jsonl")))
		r->fmt = ROWS_NDJSON;
	if ((rc = csv_src_open_fd(&src, fd, 0, e)) != ERR_OK ||
	    (rc = rows_start(r, &src, o, e)) != ERR_OK) {
		rows_close(r);
		return rc;
	}
	*out = r;
	return ERR_OK;
}

enum err_code
rows_open_mem_buf(const char *buf, size_t len, size_t bufsize,
    const struct rows_opts *o, struct rows **out, struct err *e)
{
	struct csv_src	 src;
	struct rows	*r;
	enum err_code	 rc;

	*out = NULL;
	if ((rc = rows_new(o, &r, e)) != ERR_OK)
		return rc;
	if ((rc = csv_src_open_mem(&src, buf, len, bufsize, e)) != ERR_OK ||
	    (rc = rows_start(r, &src, o, e)) != ERR_OK) {
		rows_close(r);
		return rc;
	}
	*out = r;
	return ERR_OK;
}

enum err_code
rows_open_mem(const char *buf, size_t len, const struct rows_opts *o,
    struct rows **out, struct err *e)
{

	return rows_open_mem_buf(buf, len, 0, o, out, e);
}

void
rows_close(struct rows *r)
{
	int	 i;

	if (r == NULL)
		return;
	rows_jvals_reset(r);
	csv_close(r->csv);
	csv_src_close(&r->src);
	if (r->fd >= 0)
		close(r->fd);
	for (i = 0; i < r->ncols; i++)
		free(r->names[i]);
	free(r->names);
	free(r->vals);
	free(r);
}

/* s without the spaces around it equals name, ignoring case. */
static int
same_name_loosely(const char *s, const char *name)
{
	size_t	 n;

	while (isspace((unsigned char)*s))
		s++;
	while (isspace((unsigned char)*name))
		name++;
	n = strlen(name);
	while (n > 0 && isspace((unsigned char)name[n - 1]))
		n--;
	if (strncasecmp(s, name, n) != 0)
		return 0;
	for (s += n; isspace((unsigned char)*s); s++)
		;
	return *s == '\0';
}

int
rows_column(struct rows *r, const char *name)
{
	int	 i;

	for (i = 0; i < r->ncols; i++)
		if (strcmp(r->names[i], name) == 0)
			return i;
	if (r->fmt == ROWS_CSV) {
		for (i = 0; i < r->ncols; i++)
			if (same_name_loosely(r->names[i], name))
				return i;
		return -1;
	}
	return rows_add_name(r, name, strlen(name));
}

int
rows_ncolumns(const struct rows *r)
{

	return r->ncols;
}

const char *
rows_column_name(const struct rows *r, int col)
{

	return col >= 0 && col < r->ncols ? r->names[col] : NULL;
}

/* ------------------------------------------------------------ JSON input */

static int
rows_fatal(struct rows *r, struct err *e, enum err_code code, const char *fmt,
    const char *arg)
{

	r->fatal = 1;
	err_set(&r->ferr, code, fmt, r->next_line, arg);
	if (e != NULL)
		*e = r->ferr;
	return -1;
}

static int
rows_more(struct rows *r, size_t keep, struct err *e)
{
	int	 rc;

	if ((rc = csv_src_more(&r->src, keep, &r->ferr)) < 0) {
		r->fatal = 1;
		if (e != NULL)
			*e = r->ferr;
		return -1;
	}
	r->pos -= keep;
	return rc;
}

static long
rows_count_nl(const char *p, size_t n)
{
	const char	*end = p + n;
	long		 c = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		c++;
		p++;
	}
	return c;
}

static const char *
json_kind(const json_t *v)
{

	switch (json_typeof(v)) {
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	default:
		return "an object";
	}
}

/* Keep v as the current record if it is an object: 1, else -1. */
static int
rows_take(struct rows *r, json_t *v, struct err *e)
{

	if (!json_is_object(v)) {
		err_set(e, ERR_INVAL, "line %ld: expected a JSON object, "
		    "got %s", r->line, json_kind(v));
		json_decref(v);
		return -1;
	}
	r->cur = v;
	return 1;
}

static int
rows_ndjson_next(struct rows *r, struct err *e)
{
	json_error_t	 je;
	json_t		*v;
	char		*buf, *p, *nl, *lend;
	size_t		 avail;
	int		 rc;

	for (;;) {
		buf = r->src.buf;
		p = buf + r->pos;
		avail = r->src.len - r->pos;
		nl = memchr(p, '\n', avail);
		if (r->skip_line) {
			r->pos = nl != NULL ? (size_t)(nl + 1 - buf) :
			    r->src.len;
			if (nl != NULL || r->src.eof) {
				r->skip_line = 0;
				r->next_line += nl != NULL;
			} else if (rows_more(r, r->pos, e) < 0)
				return -1;
			continue;
		}
		if (nl == NULL && !r->src.eof) {
			if (avail >= r->max_record) {
				r->line = r->next_line;
				r->skip_line = 1;
				err_set(e, ERR_TOOBIG, "line %ld: record longer "
				    "than the limit", r->line);
				return -1;
			}
			if ((rc = rows_more(r, r->pos, e)) < 0)
				return -1;
			continue;
		}
		if (avail == 0)
			return 0;
		lend = nl != NULL ? nl : p + avail;
		r->line = r->next_line++;
		r->pos = (size_t)(lend - buf) + (nl != NULL);
		while (p < lend && isspace((unsigned char)*p))
			p++;
		if (p == lend)
			continue;	/* a blank line */
		if ((size_t)(lend - p) > r->max_record) {
			err_set(e, ERR_TOOBIG, "line %ld: record longer than "
			    "the limit", r->line);
			return -1;
		}
		v = json_loadb(p, (size_t)(lend - p), JSON_DECODE_ANY, &je);
		if (v == NULL) {
			err_set(e, ERR_INVAL, "line %ld: invalid JSON: %s",
			    r->line, je.text);
			return -1;
		}
		return rows_take(r, v, e);
	}
}

static int
rows_json_next(struct rows *r, struct err *e)
{
	json_error_t	 je;
	json_t		*v;
	char		*buf;
	size_t		 avail, used;
	int		 c;

	for (;;) {
		buf = r->src.buf;
		while (r->pos < r->src.len && strchr(" \t\r\n",
		    buf[r->pos]) != NULL && buf[r->pos] != '\0') {
			if (buf[r->pos] == '\n')
				r->next_line++;
			r->pos++;
		}
		if (r->pos == r->src.len) {
			if (!r->src.eof) {
				if (rows_more(r, r->pos, e) < 0)
					return -1;
				continue;
			}
			if (r->js == JS_FIRST || r->js == JS_ELEM ||
			    r->js == JS_AFTER)
				return rows_fatal(r, e, ERR_INVAL, "line %ld: "
				    "the JSON array is not closed%s", "");
			return 0;
		}
		c = (unsigned char)buf[r->pos];
		switch (r->js) {
		case JS_START:
			if (c == '[') {
				r->js = JS_FIRST;
				r->pos++;
			} else if (c == '{')
				r->js = JS_SEQ;
			else
				return rows_fatal(r, e, ERR_INVAL, "line %ld: "
				    "expected a JSON array or object, got "
				    "\"%.1s\"", buf + r->pos);
			continue;
		case JS_FIRST:
			if (c == ']') {
				r->js = JS_END;
				r->pos++;
				continue;
			}
			break;
		case JS_AFTER:
			if (c == ',')
				r->js = JS_ELEM;
			else if (c == ']')
				r->js = JS_END;
			else
				return rows_fatal(r, e, ERR_INVAL, "line %ld: "
				    "expected ',' or ']' after an array "
				    "element, got \"%.1s\"", buf + r->pos);
			r->pos++;
			continue;
		case JS_END:
			return rows_fatal(r, e, ERR_INVAL, "line %ld: text "
			    "after the end of the JSON array: \"%.1s\"",
			    buf + r->pos);
		case JS_ELEM:
		case JS_SEQ:
			break;
		}
		avail = r->src.len - r->pos;
		v = json_loadb(buf + r->pos, avail, JSON_DISABLE_EOF_CHECK |
		    JSON_DECODE_ANY, &je);
		used = v != NULL && je.position > 0 ? (size_t)je.position : 0;
		/* cut by the buffer's end?  read more and decode it again */
		if (!r->src.eof && (v == NULL ? json_error_code(&je) ==
		    json_error_premature_end_of_input ||
		    (size_t)je.position + 8 >= avail : used >= avail)) {
			json_decref(v);
			if (avail >= r->max_record)
				return rows_fatal(r, e, ERR_TOOBIG, "line %ld: "
				    "JSON value longer than the limit%s", "");
			if (rows_more(r, r->pos, e) < 0)
				return -1;
			continue;
		}
		if (v == NULL) {
			r->next_line += je.line > 0 ? je.line - 1 : 0;
			return rows_fatal(r, e, ERR_INVAL,
			    "line %ld: invalid JSON: %s", je.text);
		}
		r->line = r->next_line;
		r->next_line += rows_count_nl(buf + r->pos, used);
		r->pos += used;
		if (r->js != JS_SEQ)
			r->js = JS_AFTER;
		if (used > r->max_record) {
			json_decref(v);
			err_set(e, ERR_TOOBIG, "line %ld: record longer than "
			    "the limit", r->line);
			return -1;
		}
		return rows_take(r, v, e);
	}
}

int
rows_next(struct rows *r, struct err *e)
{

	if (r->csv != NULL)
		return csv_next(r->csv, e);
	rows_jvals_reset(r);
	if (r->fatal) {
		if (e != NULL)
			*e = r->ferr;
		return -1;
	}
	if (r->fmt == ROWS_NDJSON)
		return rows_ndjson_next(r, e);
	return rows_json_next(r, e);
}

int
rows_failed(const struct rows *r)
{

	return r->csv != NULL ? csv_failed(r->csv) : r->fatal;
}

/* The shortest text that reads back as d (jansson keeps no number text). */
static void
real_text(double d, char *s, size_t n)
{
	int	 prec;

	for (prec = 15; prec < 17; prec++) {
		snprintf(s, n, "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			return;
	}
	snprintf(s, n, "%.17g", d);
}

static void
rows_jval_make(struct rows_jval *jv, json_t *v)
{

	jv->done = 1;
	jv->s = NULL;
	jv->len = 0;
	switch (v != NULL ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING:
		jv->s = json_string_value(v);
		jv->len = json_string_length(v);
		return;
	case JSON_INTEGER:
		snprintf(jv->num, sizeof(jv->num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		jv->s = jv->num;
		break;
	case JSON_REAL:
		real_text(json_real_value(v), jv->num, sizeof(jv->num));
		jv->s = jv->num;
		break;
	case JSON_TRUE:
		jv->s = "true";
		break;
	case JSON_FALSE:
		jv->s = "false";
		break;
	case JSON_NULL:
		return;
	default:
		jv->dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		jv->s = jv->dump;	/* NULL when out of memory */
		break;
	}
	jv->len = jv->s != NULL ? strlen(jv->s) : 0;
}

const char *
rows_value(struct rows *r, int col, size_t *len)
{
	struct rows_jval	*jv;
	const char		*s;

	if (col < 0) {
		s = NULL;
	} else if (r->csv != NULL) {
		return csv_field(r->csv, (size_t)col, len);
	} else if (r->cur == NULL || col >= r->ncols) {
		s = NULL;
	} else {
		jv = &r->vals[col];
		if (!jv->done)
			rows_jval_make(jv, json_object_get(r->cur,
			    r->names[col]));
		if (len != NULL)
			*len = jv->len;
		return jv->s;
	}
	if (len != NULL)
		*len = 0;
	return s;
}

int
rows_nfields(const struct rows *r)
{

	if (r->csv != NULL)
		return (int)csv_nfields(r->csv);
	return r->cur != NULL ? (int)json_object_size(r->cur) : 0;
}

long
rows_line(const struct rows *r)
{

	return r->csv != NULL ? csv_line(r->csv) : r->line;
}

uint64_t
rows_bytes_read(const struct rows *r)
{

	return r->csv != NULL ? csv_bytes_read(r->csv) : r->src.base + r->pos;
}

uint64_t
rows_bytes_total(const struct rows *r)
{

	return r->csv != NULL ? csv_bytes_total(r->csv) : r->src.total;
}

int
rows_delim(const struct rows *r)
{

	return r->csv != NULL ? csv_delim(r->csv) : 0;
}

enum rows_format
rows_format(const struct rows *r)
{

	return r->fmt;
}
