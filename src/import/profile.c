/*
 * profile.c: binding a profile to a file's columns and mapping rows with
 * it.  See profile.h; profile_yaml.c builds the struct profile.
 *
 * The per-row path (profile_map) is written for speed: column indices are
 * resolved once in profile_bind, map values and constants were converted
 * when the profile was read, and a value is compared, converted and stored
 * without allocating.  The only allocations are texts the row did not
 * already hold (joined columns, prefixed and line-number ids, text with
 * trailing blanks trimmed), which go to the caller's scratch arena.
 *
 * Comparisons of a value with a missing marker, a map key or a condition
 * ignore ASCII case and surrounding blanks: exports disagree on "N/A" and
 * "n/a", "Yes" and "YES", and no profile should need both spellings.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "import/profile_impl.h"

int	pfield_convert(struct profile *, const struct pfield *, const char *,
	    size_t, struct ds_val *, char *why, size_t whysz);

typedef const char *(*value_fn)(void *, int, size_t *);

int
profile_colref(struct profile *p, struct arena *a, const char *name)
{
	size_t	 n;
	int	 i;

	for (i = 0; i < p->ncols; i++)
		if (strcmp(p->colnames[i], name) == 0)
			return i;
	n = (size_t)p->ncols;
	if (ARENA_PUSH(a, p->colnames, n, p->colcap) == NULL)
		return -1;
	n = (size_t)p->ncols;
	if (ARENA_PUSH(a, p->colidx, n, p->idxcap) == NULL)
		return -1;
	p->colnames[p->ncols] = name;
	p->colidx[p->ncols] = -1;
	return p->ncols++;
}

const char *
profile_name(const struct profile *p)
{
	return p->name;
}

enum ds
profile_dataset(const struct profile *p)
{
	return p->ds;
}

const char *
profile_format(const struct profile *p)
{
	return p->format;
}

int
profile_delim(const struct profile *p)
{
	return p->delim;
}

const char *
profile_reader(const struct profile *p)
{
	return p->reader;
}

size_t
profile_ncolumns(const struct profile *p)
{
	return (size_t)p->ncols;
}

const char *
profile_column(const struct profile *p, size_t i)
{
	return i < (size_t)p->ncols ? p->colnames[i] : NULL;
}

/* ASCII case-insensitive equality of (a, an) and (b, bn). */
static inline int
same(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && (an == 0 || strncasecmp(a, b, an) == 0);
}

static int
marked(const char *s, size_t len, const char *const *m, const size_t *ml,
    int n)
{
	for (int i = 0; i < n; i++)
		if (same(s, len, m[i], ml[i]))
			return 1;
	return 0;
}

/* The trimmed value of profile column c, or NULL when absent or missing
 * by the profile's own markers. */
static const char *
get(const struct profile *p, value_fn value, void *ctx, int c, size_t *len)
{
	const char	*s;
	int		 idx = p->colidx[c];

	if (idx < 0 || (s = value(ctx, idx, len)) == NULL)
		return NULL;
	s = conv_trim(s, len);
	if (*len == 0 || (p->nmissing > 0 &&
	    marked(s, *len, p->missing, p->missinglen, p->nmissing)))
		return NULL;
	return s;
}

static void
show(char *buf, size_t sz, const char *s, size_t len)
{
	if (len > 120)
		snprintf(buf, sz, "%.*s...", 117, s);
	else
		snprintf(buf, sz, "%.*s", (int)len, s);
}

/* 1 holds, 0 does not, -1 error (a non-number compared as a number). */
static int
cond_eval(const struct profile *p, const struct pcond *c, value_fn value,
    void *ctx, const char *field, struct err *e)
{
	const char	*s;
	char		 shown[128];
	size_t		 len;
	double		 x;
	int		 i, r;

	if (c->op == PC_ANY) {
		for (i = 0; i < c->nany; i++)
			if ((r = cond_eval(p, &c->any[i], value, ctx, field,
			    e)) != 0)
				return r;
		return 0;
	}
	s = get(p, value, ctx, c->col, &len);
	if (c->op == PC_PRESENT)
		return (s != NULL) == c->present;
	if (s == NULL)
		return 0;
	switch (c->op) {
	case PC_EQUALS:
	case PC_IN:
		return marked(s, len, c->vals, c->lens, c->nvals);
	case PC_NOT_IN:
		return !marked(s, len, c->vals, c->lens, c->nvals);
	default:
		if (conv_number(s, len, &x) == -1) {
			show(shown, sizeof(shown), s, len);
			err_setf(e, ERR_INVAL, field, "column \"%s\": \"%s\" is "
			    "not a number (compared in a condition)",
			    p->colnames[c->col], shown);
			return -1;
		}
		return c->op == PC_GT ? x > c->num : x < c->num;
	}
}

static const struct conv_fmt iso_default = { "iso8601", 1, 0, { { 0, 0 } } };

/* "2021-04-03 00:00" of t read back in the profile's zone. */
static void
fmt_instant(const struct profile *p, int64_t t, char *buf, size_t sz)
{
	struct tm	 tm;
	time_t		 tt = (time_t)(p->tz.local ? t : t + p->tz.off);

	if (p->tz.local)
		localtime_r(&tt, &tm);
	else
		gmtime_r(&tt, &tm);
	strftime(buf, sz, "%Y-%m-%d %H:%M:%S", &tm);
}

static int
convert_time(struct profile *p, const struct pfield *f, const char *s,
    size_t len, int64_t *out, char *why, size_t whysz)
{
	const struct conv_fmt	*fmts = f->nfmts > 0 ? f->fmts : &iso_default;
	int			 n = f->nfmts > 0 ? f->nfmts : 1;
	int			 i, first = -1;
	int64_t			 t, t0 = 0;
	char			 a[32], b[32];
	size_t			 used;

	for (i = 0; i < n; i++) {
		if (conv_time(&fmts[i], &p->tz, s, len, &t) == -1)
			continue;
		if (first < 0) {
			first = i;
			t0 = t;
		} else if (t != t0) {
			/* two readings of one value: refuse to guess */
			fmt_instant(p, t0, a, sizeof(a));
			fmt_instant(p, t, b, sizeof(b));
			snprintf(why, whysz, "is ambiguous: %s reads %s, %s "
			    "reads %s", fmts[first].name, a, fmts[i].name, b);
			return -1;
		}
	}
	if (first >= 0) {
		*out = t0;
		return 0;
	}
	used = (size_t)snprintf(why, whysz, "fits no date format (expected ");
	for (i = 0; i < n && used < whysz; i++)
		used += (size_t)snprintf(why + used, whysz - used, "%s%s",
		    i == 0 ? "" : i == n - 1 ? " or " : ", ", fmts[i].name);
	if (used < whysz)
		snprintf(why + used, whysz - used, ")");
	return -1;
}

int
pfield_convert(struct profile *p, const struct pfield *f, const char *s,
    size_t len, struct ds_val *out, char *why, size_t whysz)
{
	double	 x;
	int	 b;

	s = conv_trim(s, &len);
	switch (f->type) {
	case DT_TEXT:
		out->s = s;
		return 0;
	case DT_BOOL:
		if (conv_bool(s, len, &b) == -1) {
			snprintf(why, whysz, "is not a boolean (expected "
			    "true/false, yes/no, y/n or 1/0)");
			return -1;
		}
		out->i = b;
		return 0;
	case DT_INT:
	case DT_NUM:
		if (conv_number(s, len, &x) == -1) {
			snprintf(why, whysz, "is not a number");
			return -1;
		}
		if (f->type == DT_NUM) {
			out->r = x;
			return 0;
		}
		if (x != floor(x) || fabs(x) > 9e15) {
			snprintf(why, whysz, "is not a whole number");
			return -1;
		}
		if (x < 0) {
			snprintf(why, whysz, "is negative");
			return -1;
		}
		out->i = (int64_t)x;
		return 0;
	case DT_TIME:
		if (f->from < 0)
			return convert_time(p, f, s, len, &out->i, why, whysz);
		goto duration;	/* an offset from another field, in a unit */
	case DT_DUR:
	duration:
		if (conv_duration(s, len, f->unit, &x) == -1) {
			if (f->unit == CONV_HMS)
				snprintf(why, whysz, "is not a duration "
				    "H:MM:SS");
			else
				snprintf(why, whysz, "is not a number of %s",
				    conv_unit_name(f->unit));
			return -1;
		}
		if (x < 0) {
			snprintf(why, whysz, "is negative");
			return -1;
		}
		out->r = x;
		return 0;
	}
	return -1;
}

/* 'column "a"' or 'columns "a" + "b"'. */
static void
colspec(const struct profile *p, const struct pfield *f, char *buf,
    size_t sz)
{
	size_t	 used;

	used = (size_t)snprintf(buf, sz, "column%s ", f->ncols > 1 ? "s" : "");
	for (int i = 0; i < f->ncols && used < sz; i++)
		used += (size_t)snprintf(buf + used, sz - used, "%s\"%s\"",
		    i ? " + " : "", p->colnames[f->cols[i]]);
}

static char *
scratch_text(struct arena *a, const char *pre, size_t pl, const char *s,
    size_t len)
{
	char	*t;

	if ((t = arena_alloc(a, pl + len + 1)) == NULL)
		return NULL;
	memcpy(t, pre, pl);
	memcpy(t + pl, s, len);
	t[pl + len] = '\0';
	return t;
}

static int
map_field(struct profile *p, const struct pfield *f, value_fn value,
    void *ctx, long line, struct arena *scratch, struct ds_rec *rec,
    struct err *e)
{
	char		 joined[256], why[256], cs[256], shown[128], num[32];
	const char	*s, *part;
	struct ds_val	 v;
	size_t		 len, plen;
	int		 i, r;

	memset(&v, 0, sizeof(v));
	if (f->absent)
		return 0;
	for (i = 0; i < f->nwhen; i++)
		if ((r = cond_eval(p, &f->when[i], value, ctx, f->name,
		    e)) <= 0)
			return r;
	if (f->src == PS_VALUE) {
		if (!f->constant.null)
			rec->v[f->f] = f->constant.v;
		return 0;
	}
	if (f->src == PS_LINE) {
		len = (size_t)snprintf(num, sizeof(num), "%ld", line);
		if ((s = scratch_text(scratch, f->prefix ? f->prefix : "",
		    f->prefixlen, num, len)) == NULL)
			goto nomem;
		ds_set_text(rec, f->f, s);
		return 0;
	}
	if (f->ncols == 1) {
		if ((s = get(p, value, ctx, f->cols[0], &len)) == NULL)
			return 0;
		if (f->nmissing > 0 && marked(s, len, f->missing,
		    f->missinglen, f->nmissing))
			return 0;
	} else {
		/* joined with a space, each part checked for missing */
		char	*t = joined;
		size_t	 cap = sizeof(joined), plens[8];
		const char *parts[8];

		len = 0;
		for (i = 0; i < f->ncols && i < 8; i++) {
			if ((part = get(p, value, ctx, f->cols[i], &plen)) ==
			    NULL || (f->nmissing > 0 && marked(part, plen,
			    f->missing, f->missinglen, f->nmissing)))
				return 0;
			parts[i] = part;
			plens[i] = plen;
			len += plen + (i > 0);
		}
		if (f->type == DT_TEXT || len + 1 > cap) {
			if ((t = arena_alloc(scratch, len + 1)) == NULL)
				goto nomem;
		}
		for (i = 0, len = 0; i < f->ncols && i < 8; i++) {
			if (i > 0)
				t[len++] = ' ';
			memcpy(t + len, parts[i], plens[i]);
			len += plens[i];
		}
		t[len] = '\0';
		s = t;
	}
	for (i = 0; i < f->nmap; i++)
		if (same(s, len, f->map[i].key, f->map[i].klen))
			break;
	if (i < f->nmap || (f->nmap > 0 && f->has_default)) {
		const struct pval *pv = i < f->nmap ? &f->map[i].val : &f->def;

		if (pv->null)
			return 0;
		v = pv->v;
	} else if (f->type == DT_TEXT) {
		if (f->prefix != NULL || s[len] != '\0') {
			/* a prefix, or trailing blanks trimmed: a new text */
			if ((s = scratch_text(scratch, f->prefix ? f->prefix :
			    "", f->prefixlen, s, len)) == NULL)
				goto nomem;
		}
		v.s = s;
	} else if (pfield_convert(p, f, s, len, &v, why, sizeof(why)) == -1) {
		colspec(p, f, cs, sizeof(cs));
		show(shown, sizeof(shown), s, len);
		err_setf(e, ERR_INVAL, f->name, "%s: \"%s\" %s", cs, shown, why);
		return -1;
	}
	if (f->from >= 0) {
		if (!rec->v[f->from].set)
			return 0;	/* an offset from nothing */
		v.i = rec->v[f->from].i + (int64_t)llround(v.r);
		v.r = 0;
	}
	v.set = 1;
	rec->v[f->f] = v;
	return 0;
nomem:
	err_setf(e, ERR_NOMEM, f->name, "out of memory");
	return -1;
}

/* Add the column and value a ds_validate failure is about. */
static void
validate_source(const struct profile *p, value_fn value, void *ctx,
    struct err *e)
{
	const struct pfield	*f;
	const char		*s;
	char			 cs[256], shown[128], msg[2 * ERR_MSG_MAX];
	size_t			 len;
	int			 i;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].name, e->field) == 0)
			break;
	if (i == p->nfields || p->fields[i].src != PS_COLUMN)
		return;
	f = &p->fields[i];
	if (f->ncols != 1 || (s = get(p, value, ctx, f->cols[0], &len)) ==
	    NULL) {
		colspec(p, f, cs, sizeof(cs));
		snprintf(msg, sizeof(msg), "%s (%s)", e->msg, cs);
	} else {
		show(shown, sizeof(shown), s, len);
		snprintf(msg, sizeof(msg), "%s (column \"%s\": \"%s\")",
		    e->msg, p->colnames[f->cols[0]], shown);
	}
	snprintf(e->msg, sizeof(e->msg), "%.*s", (int)sizeof(e->msg) - 1, msg);
}

int
profile_map(struct profile *p, value_fn value, void *ctx, long line,
    struct arena *scratch, struct ds_rec *rec, struct err *e)
{
	int	 i, r;

	ds_rec_clear(rec, p->ds);
	if (!p->bound) {
		err_set(e, ERR_INTERNAL, "profile %s: mapped before "
		    "profile_bind", p->name ? p->name : p->origin);
		return -1;
	}
	for (i = 0; i < p->nwhere; i++)
		if ((r = cond_eval(p, &p->where[i], value, ctx, "", e)) <= 0)
			return r;
	for (i = 0; i < p->nfields; i++)
		if (map_field(p, &p->fields[i], value, ctx, line, scratch, rec,
		    e) == -1)
			return -1;
	if (ds_validate(rec, e) != ERR_OK) {
		validate_source(p, value, ctx, e);
		return -1;
	}
	return 1;
}

/* Mark the columns condition c reads in need[]. */
static void
need_cond(const struct pcond *c, char *need)
{
	if (c->op == PC_ANY) {
		for (int i = 0; i < c->nany; i++)
			need_cond(&c->any[i], need);
		return;
	}
	need[c->col] = 1;
}

static int
cond_absent(const struct profile *p, const struct pcond *c)
{
	if (c->op == PC_ANY) {
		for (int i = 0; i < c->nany; i++)
			if (cond_absent(p, &c->any[i]))
				return 1;
		return 0;
	}
	return p->colidx[c->col] < 0;
}

typedef int (*lookup_fn)(void *, const char *);
/* A close match for name in the file, into buf; 0 if none. */
typedef int (*suggest_fn)(void *, lookup_fn, void *, const char *, char *,
    size_t);

/* The okrdesk field (or "where") that reads column c. */
static const char *
user_of(const struct profile *p, int c)
{
	char	 need[256];

	for (int i = 0; i < p->nfields; i++) {
		const struct pfield *f = &p->fields[i];

		for (int j = 0; j < f->ncols; j++)
			if (f->cols[j] == c)
				return f->name;
		if (p->ncols <= (int)sizeof(need)) {
			memset(need, 0, sizeof(need));
			for (int j = 0; j < f->nwhen; j++)
				need_cond(&f->when[j], need);
			if (need[c])
				return f->name;
		}
	}
	return "where";
}

static enum err_code
bind(struct profile *p, lookup_fn lookup, void *ctx, suggest_fn suggest,
    void *sctx, struct err *e)
{
	char	*need, close[256];
	int	 c, i, j;

	p->bound = 0;
	if (p->ncols > 4096)
		return err_set(e, ERR_TOOBIG, "profile %s reads more than 4096 "
		    "columns", p->name);
	need = calloc((size_t)p->ncols + 1, 1);
	if (need == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < p->nwhere; i++)
		need_cond(&p->where[i], need);
	for (i = 0; i < p->nfields; i++) {
		const struct pfield *f = &p->fields[i];

		if (f->optional)
			continue;
		for (j = 0; j < f->ncols; j++)
			need[f->cols[j]] = 1;
		for (j = 0; j < f->nwhen; j++)
			need_cond(&f->when[j], need);
	}
	for (c = 0; c < p->ncols; c++) {
		p->colidx[c] = lookup(ctx, p->colnames[c]);
		if (p->colidx[c] >= 0 || !need[c])
			continue;
		free(need);
		if (suggest(sctx, lookup, ctx, p->colnames[c], close,
		    sizeof(close)))
			return err_setf(e, ERR_INVAL, user_of(p, c), "column "
			    "\"%s\" is not in the file (did you mean \"%s\"?)",
			    p->colnames[c], close);
		return err_setf(e, ERR_INVAL, user_of(p, c), "column \"%s\" "
		    "is not in the file", p->colnames[c]);
	}
	free(need);
	for (i = 0; i < p->nfields; i++) {
		struct pfield *f = &p->fields[i];

		f->absent = 0;
		for (j = 0; j < f->ncols; j++)
			if (p->colidx[f->cols[j]] < 0)
				f->absent = 1;
		for (j = 0; j < f->nwhen; j++)
			if (cond_absent(p, &f->when[j]))
				f->absent = 1;
	}
	p->bound = 1;
	return ERR_OK;
}

/*
 * Through a lookup only, try the spellings a header is likely to use
 * instead: other case, and spaces for underscores or back.
 */
static int
suggest_variants(void *unused, lookup_fn lookup, void *ctx,
    const char *name, char *buf, size_t sz)
{
	size_t	 n = strlen(name), i;
	int	 v, word;

	(void)unused;
	if (n + 1 > sz)
		return 0;
	for (v = 0; v < 8; v++) {
		for (i = 0, word = 1; i <= n; i++) {
			char	 ch = name[i];

			if (v & 4) {
				if (ch == '_')
					ch = ' ';
				else if (ch == ' ')
					ch = '_';
			}
			switch (v & 3) {
			case 0:
				ch = (char)tolower((unsigned char)ch);
				break;
			case 1:
				ch = (char)toupper((unsigned char)ch);
				break;
			case 2:
				ch = (char)(i == 0 ? toupper((unsigned char)ch) :
				    tolower((unsigned char)ch));
				break;
			default:
				ch = (char)(word ? toupper((unsigned char)ch) :
				    tolower((unsigned char)ch));
				break;
			}
			word = ch == ' ' || ch == '_';
			buf[i] = ch;
		}
		if (strcmp(buf, name) != 0 && lookup(ctx, buf) >= 0)
			return 1;
	}
	return 0;
}

enum err_code
profile_bind(struct profile *p, int (*column)(void *, const char *),
    void *ctx, struct err *e)
{
	return bind(p, column, ctx, suggest_variants, NULL, e);
}

struct header {
	const char *const	*names;
	int			 n;
};

static int
header_lookup(void *ctx, const char *name)
{
	const struct header	*h = ctx;

	for (int i = 0; i < h->n; i++)
		if (h->names[i] != NULL && strcmp(h->names[i], name) == 0)
			return i;
	return -1;
}

/* name folded: lower case, runs of blanks, '_' and '-' as one space. */
static void
fold(const char *s, char *buf, size_t sz)
{
	size_t	 n = 0;
	int	 gap = 0;

	while (*s == ' ' || *s == '_' || *s == '-' || *s == '\t')
		s++;
	for (; *s != '\0' && n + 2 < sz; s++) {
		if (*s == ' ' || *s == '_' || *s == '-' || *s == '\t') {
			gap = 1;
			continue;
		}
		if (gap)
			buf[n++] = ' ';
		gap = 0;
		buf[n++] = (char)tolower((unsigned char)*s);
	}
	buf[n] = '\0';
}

static int
suggest_header(void *sctx, lookup_fn lookup, void *ctx, const char *name,
    char *buf, size_t sz)
{
	const struct header	*h = sctx;
	char			 want[256], got[256];

	(void)lookup;
	(void)ctx;
	fold(name, want, sizeof(want));
	for (int i = 0; i < h->n; i++) {
		if (h->names[i] == NULL)
			continue;
		fold(h->names[i], got, sizeof(got));
		if (strcmp(want, got) == 0) {
			snprintf(buf, sz, "%s", h->names[i]);
			return 1;
		}
	}
	return 0;
}

enum err_code
profile_bind_header(struct profile *p, const char *const *names, int n,
    struct err *e)
{
	struct header	 h = { names, n };

	return bind(p, header_lookup, &h, suggest_header, &h, e);
}

enum err_code
profile_load(struct arena *a, const char *path, struct profile **out,
    struct err *e)
{
	FILE		*fp;
	char		*txt;
	const char	*base, *dot;
	size_t		 len, cap = 1 << 20;
	enum err_code	 rc;

	*out = NULL;
	if ((fp = fopen(path, "r")) == NULL)
		return err_set(e, ERR_IO, "cannot open profile \"%s\"", path);
	if ((txt = arena_alloc(a, cap + 1)) == NULL) {
		fclose(fp);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	len = fread(txt, 1, cap + 1, fp);
	rc = ferror(fp) ? err_set(e, ERR_IO, "cannot read profile \"%s\"",
	    path) : len > cap ? err_set(e, ERR_TOOBIG, "profile \"%s\" is "
	    "larger than 1 MiB", path) : ERR_OK;
	fclose(fp);
	if (rc != ERR_OK)
		return rc;
	if ((rc = profile_parse(a, txt, len, path, out, e)) != ERR_OK)
		return rc;
	if ((*out)->name == NULL) {
		base = strrchr(path, '/');
		base = base != NULL ? base + 1 : path;
		dot = strrchr(base, '.');
		len = dot != NULL && dot != base ? (size_t)(dot - base) :
		    strlen(base);
		if (((*out)->name = arena_printf(a, "%.*s", (int)len, base)) ==
		    NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
	}
	return ERR_OK;
}
