/*
 * profile_yaml.c: reading a profile from YAML into a struct profile.
 * See profile.h for the contract and docs/profiles.md for the keys.
 *
 * libyaml's document API keeps the start mark of every node, so every
 * message reads "ORIGIN:LINE:COL: WHERE: WHAT" with WHERE naming the
 * place ("fields.created_at.formats[1]"), as okr/wsyaml.c does for the
 * workspace file.  That reader is bound to the okr field tables, so this
 * one is separate.  Unknown keys and keys given twice are errors: a typo
 * in a profile ("colum:") must not silently drop a column.
 *
 * Everything a row will need is settled here: map values, constants and
 * defaults are converted to the field's type once (a map value that is not
 * a boolean fails at load, not on row 9 million), date formats compiled,
 * the time zone read.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "import/profile_impl.h"

/* Convert text to field f's type; defined in profile.c. */
int	pfield_convert(struct profile *, const struct pfield *, const char *,
	    size_t, struct ds_val *, char *why, size_t whysz);

struct py {
	const char	*origin;
	yaml_document_t	 doc;
	struct arena	*a;
	struct err	*e;
	struct profile	*p;
};

static yaml_node_t *
node(struct py *y, int i)
{
	return yaml_document_get_node(&y->doc, i);
}

static enum err_code
fail(struct py *y, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum err_code
fail(struct py *y, const yaml_node_t *n, const char *fmt, ...)
{
	char	 msg[ERR_MSG_MAX];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(y->e, ERR_INVAL, "%s:%zu:%zu: %s", y->origin,
	    n->start_mark.line + 1, n->start_mark.column + 1, msg);
}

static enum err_code
nomem(struct py *y)
{
	return err_set(y->e, ERR_NOMEM, "out of memory");
}

static const char *
what(const yaml_node_t *n)
{
	return n->type == YAML_SEQUENCE_NODE ? "a list" :
	    n->type == YAML_MAPPING_NODE ? "a mapping" : "a single value";
}

static int
isnull(const yaml_node_t *n)
{
	const char	*v;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	v = (const char *)n->data.scalar.value;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* The text of a scalar (NULL for a null); an error for anything else. */
static enum err_code
scalar(struct py *y, const yaml_node_t *n, const char *where,
    const char **out)
{
	*out = NULL;
	if (n->type != YAML_SCALAR_NODE)
		return fail(y, n, "%s: expected a single value, got %s", where,
		    what(n));
	if (strlen((const char *)n->data.scalar.value) != n->data.scalar.length)
		return fail(y, n, "%s: contains a NUL character", where);
	/* copied: the document is deleted once the profile is read */
	if (!isnull(n) && (*out = arena_strdup(y->a,
	    (const char *)n->data.scalar.value)) == NULL)
		return nomem(y);
	return ERR_OK;
}

static enum err_code
text(struct py *y, const yaml_node_t *n, const char *where, const char **out)
{
	enum err_code	 rc;

	if ((rc = scalar(y, n, where, out)) != ERR_OK)
		return rc;
	if (*out == NULL || **out == '\0')
		return fail(y, n, "%s: expected a value, got nothing", where);
	return ERR_OK;
}

static enum err_code
boolean(struct py *y, const yaml_node_t *n, const char *where, int *out)
{
	const char	*s;
	enum err_code	 rc;

	if ((rc = text(y, n, where, &s)) != ERR_OK)
		return rc;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		*out = 1;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		*out = 0;
	else
		return fail(y, n, "%s: expected true or false, got \"%s\"",
		    where, s);
	return ERR_OK;
}

/* Items of a list; a single scalar reads as a list of one (*one). */
static enum err_code
items(struct py *y, yaml_node_t *n, const char *where, int scalar_ok,
    yaml_node_item_t **it, int *count, int *one)
{
	*one = 0;
	if (n->type == YAML_SEQUENCE_NODE) {
		*it = n->data.sequence.items.start;
		*count = (int)(n->data.sequence.items.top - *it);
		return ERR_OK;
	}
	if (scalar_ok && n->type == YAML_SCALAR_NODE && !isnull(n)) {
		*it = NULL;
		*count = 1;
		*one = 1;
		return ERR_OK;
	}
	return fail(y, n, "%s: expected a list, got %s", where, what(n));
}

/*
 * Check the keys of mapping n: each one of allowed (NULL-terminated) and
 * given once.  vals[i] gets the value node of allowed[i], or NULL.
 */
static enum err_code
keys(struct py *y, const yaml_node_t *n, const char *where,
    const char *const *allowed, yaml_node_t **vals)
{
	yaml_node_pair_t	*pr;
	yaml_node_t		*k;
	const char		*name;
	char			 list[512];
	size_t			 i, len;

	for (i = 0; allowed[i] != NULL; i++)
		vals[i] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return fail(y, n, "%s: expected a mapping, got %s", where,
		    what(n));
	for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top;
	    pr++) {
		k = node(y, pr->key);
		if (k->type != YAML_SCALAR_NODE)
			return fail(y, k, "%s: expected a key, got %s", where,
			    what(k));
		name = (const char *)k->data.scalar.value;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(allowed[i], name) == 0)
				break;
		if (allowed[i] == NULL) {
			list[0] = '\0';
			for (i = 0, len = 0; allowed[i] != NULL; i++)
				len += (size_t)snprintf(list + len, len <
				    sizeof(list) ? sizeof(list) - len : 0,
				    "%s%s", i ? ", " : "", allowed[i]);
			return fail(y, k, "%s: unknown key \"%s\" (expected "
			    "one of: %s)", where, name, list);
		}
		if (vals[i] != NULL)
			return fail(y, k, "%s: key \"%s\" is given twice "
			    "(first on line %zu)", where, name,
			    vals[i]->start_mark.line + 1);
		vals[i] = node(y, pr->value);
	}
	return ERR_OK;
}

static const char *
sub(struct py *y, const char *where, const char *name)
{
	const char	*s = arena_printf(y->a, "%s.%s", where, name);

	return s != NULL ? s : where;
}

/* A list of text values (missing markers, in/not-in). */
static enum err_code
strings(struct py *y, yaml_node_t *n, const char *where, const char ***vals,
    size_t **lens, int *nvals)
{
	yaml_node_item_t	*it;
	const char		*s;
	enum err_code		 rc;
	int			 count, one, i;

	if ((rc = items(y, n, where, 1, &it, &count, &one)) != ERR_OK)
		return rc;
	*vals = arena_calloc(y->a, (size_t)count + 1, sizeof(**vals));
	*lens = arena_calloc(y->a, (size_t)count + 1, sizeof(**lens));
	if (*vals == NULL || *lens == NULL)
		return nomem(y);
	for (i = 0; i < count; i++) {
		yaml_node_t	*v = one ? n : node(y, it[i]);

		if ((rc = scalar(y, v, where, &s)) != ERR_OK)
			return rc;
		(*vals)[i] = s != NULL ? s : "";
		(*lens)[i] = strlen((*vals)[i]);
	}
	*nvals = count;
	return ERR_OK;
}

static enum err_code	conds(struct py *, yaml_node_t *, const char *,
			    struct pcond **, int *);

static enum err_code
cond(struct py *y, yaml_node_t *n, const char *where, struct pcond *c)
{
	static const char *const allowed[] = { "column", "present", "equals",
	    "in", "not-in", "greater-than", "less-than", "any", NULL };
	yaml_node_t	*v[8];
	const char	*s;
	enum err_code	 rc;
	int		 nop = 0, i;

	if ((rc = keys(y, n, where, allowed, v)) != ERR_OK)
		return rc;
	for (i = 1; i < 8; i++)
		nop += v[i] != NULL;
	if (nop != 1)
		return fail(y, n, "%s: expected one test of present, equals, "
		    "in, not-in, greater-than, less-than or any", where);
	if (v[7] != NULL) {
		if (v[0] != NULL)
			return fail(y, v[0], "%s: any: takes conditions, not "
			    "a column", where);
		c->op = PC_ANY;
		return conds(y, v[7], sub(y, where, "any"), &c->any,
		    &c->nany);
	}
	if (v[0] == NULL)
		return fail(y, n, "%s: column is required", where);
	if ((rc = text(y, v[0], sub(y, where, "column"), &s)) != ERR_OK)
		return rc;
	if ((c->col = profile_colref(y->p, y->a, s)) < 0)
		return nomem(y);
	if (v[1] != NULL) {
		c->op = PC_PRESENT;
		return boolean(y, v[1], sub(y, where, "present"), &c->present);
	}
	if (v[2] != NULL || v[3] != NULL || v[4] != NULL) {
		c->op = v[2] ? PC_EQUALS : v[3] ? PC_IN : PC_NOT_IN;
		if (v[2] != NULL && v[2]->type != YAML_SCALAR_NODE)
			return fail(y, v[2], "%s.equals: expected a single "
			    "value, got %s (use in: for a list)", where,
			    what(v[2]));
		return strings(y, v[2] ? v[2] : v[3] ? v[3] : v[4],
		    sub(y, where, v[2] ? "equals" : v[3] ? "in" : "not-in"),
		    &c->vals, &c->lens, &c->nvals);
	}
	c->op = v[5] != NULL ? PC_GT : PC_LT;
	n = v[5] != NULL ? v[5] : v[6];
	where = sub(y, where, v[5] != NULL ? "greater-than" : "less-than");
	if ((rc = text(y, n, where, &s)) != ERR_OK)
		return rc;
	if (conv_number(s, strlen(s), &c->num) == -1)
		return fail(y, n, "%s: expected a number, got \"%s\"", where, s);
	return ERR_OK;
}

/* One condition (a mapping) or a list of them. */
static enum err_code
conds(struct py *y, yaml_node_t *n, const char *where, struct pcond **out,
    int *nout)
{
	yaml_node_item_t	*it;
	enum err_code		 rc;
	int			 count, i;

	if (n->type == YAML_MAPPING_NODE) {
		it = NULL;
		count = 1;
	} else if (n->type == YAML_SEQUENCE_NODE) {
		it = n->data.sequence.items.start;
		count = (int)(n->data.sequence.items.top - it);
	} else
		return fail(y, n, "%s: expected a condition or a list of "
		    "them, got %s", where, what(n));
	if ((*out = arena_calloc(y->a, (size_t)count + 1, sizeof(**out))) ==
	    NULL)
		return nomem(y);
	for (i = 0; i < count; i++) {
		const char	*w = it == NULL ? where :
		    arena_printf(y->a, "%s[%d]", where, i);

		if ((rc = cond(y, it == NULL ? n : node(y, it[i]),
		    w != NULL ? w : where, &(*out)[i])) != ERR_OK)
			return rc;
	}
	*nout = count;
	return ERR_OK;
}

/* Convert a scalar of the profile (map value, constant) to f's type. */
static enum err_code
typed(struct py *y, struct pfield *f, yaml_node_t *n, const char *where,
    struct pval *out)
{
	const char	*s;
	char		 why[256];
	enum err_code	 rc;

	if ((rc = scalar(y, n, where, &s)) != ERR_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	if (s == NULL) {
		out->null = 1;
		return ERR_OK;
	}
	if (pfield_convert(y->p, f, s, strlen(s), &out->v, why,
	    sizeof(why)) == -1)
		return fail(y, n, "%s: \"%s\" %s", where, s, why);
	out->v.set = 1;
	return ERR_OK;
}

static enum err_code
map(struct py *y, struct pfield *f, yaml_node_t *n, const char *where)
{
	yaml_node_pair_t	*pr;
	yaml_node_t		*k;
	enum err_code		 rc;
	int			 i = 0;

	if (n->type != YAML_MAPPING_NODE)
		return fail(y, n, "%s: expected a mapping of values, got %s",
		    where, what(n));
	f->nmap = (int)(n->data.mapping.pairs.top -
	    n->data.mapping.pairs.start);
	if ((f->map = arena_calloc(y->a, (size_t)f->nmap + 1,
	    sizeof(*f->map))) == NULL)
		return nomem(y);
	for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top;
	    pr++, i++) {
		k = node(y, pr->key);
		if (k->type != YAML_SCALAR_NODE)
			return fail(y, k, "%s: expected a value to map, got %s",
			    where, what(k));
		if ((rc = scalar(y, k, where, &f->map[i].key)) != ERR_OK)
			return rc;
		if (f->map[i].key == NULL)	/* a null key is the text */
			f->map[i].key = arena_strdup(y->a,
			    (const char *)k->data.scalar.value);
		if (f->map[i].key == NULL)
			return nomem(y);
		f->map[i].klen = strlen(f->map[i].key);
		if ((rc = typed(y, f, node(y, pr->value), where,
		    &f->map[i].val)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

static enum err_code
formats(struct py *y, struct pfield *f, yaml_node_t *n, const char *where)
{
	yaml_node_item_t	*it;
	const char		*s;
	enum err_code		 rc;
	int			 count, one, i;

	if ((rc = items(y, n, where, 1, &it, &count, &one)) != ERR_OK)
		return rc;
	if (count == 0)
		return fail(y, n, "%s: expected at least one format", where);
	if ((f->fmts = arena_calloc(y->a, (size_t)count,
	    sizeof(*f->fmts))) == NULL)
		return nomem(y);
	for (i = 0; i < count; i++) {
		yaml_node_t	*v = one ? n : node(y, it[i]);

		if ((rc = text(y, v, where, &s)) != ERR_OK)
			return rc;
		if (conv_fmt_compile(s, &f->fmts[i], y->e) != ERR_OK)
			return fail(y, v, "%s: %s", where, y->e->msg);
	}
	f->nfmts = count;
	return ERR_OK;
}

/* The source columns: a column name or a list of them. */
static enum err_code
columns(struct py *y, struct pfield *f, yaml_node_t *n, const char *where,
    int list)
{
	yaml_node_item_t	*it;
	const char		*s;
	enum err_code		 rc;
	int			 count = 0, one = 0, i;

	if (!list) {
		count = 1;
		one = 1;
		it = NULL;
	} else if ((rc = items(y, n, where, 0, &it, &count, &one)) != ERR_OK)
		return rc;
	if (count == 0)
		return fail(y, n, "%s: expected at least one column", where);
	if ((f->cols = arena_calloc(y->a, (size_t)count,
	    sizeof(*f->cols))) == NULL)
		return nomem(y);
	for (i = 0; i < count; i++) {
		if ((rc = text(y, one ? n : node(y, it[i]), where, &s)) !=
		    ERR_OK)
			return rc;
		if ((f->cols[i] = profile_colref(y->p, y->a, s)) < 0)
			return nomem(y);
	}
	f->ncols = count;
	f->src = PS_COLUMN;
	return ERR_OK;
}

enum fkey {
	FK_COLUMN, FK_COLUMNS, FK_VALUE, FK_LINE, FK_PREFIX, FK_UNIT, FK_FROM,
	FK_FORMATS, FK_MAP, FK_DEFAULT, FK_MISSING, FK_WHEN, FK_OPTIONAL,
	FK__MAX
};

static enum err_code
field(struct py *y, struct pfield *f, yaml_node_t *n, const char *where,
    int optional)
{
	static const char *const allowed[FK__MAX + 1] = { "column", "columns",
	    "value", "line", "prefix", "unit", "from", "formats", "map",
	    "default", "missing", "when", "optional", NULL };
	yaml_node_t	*v[FK__MAX];
	const char	*s;
	enum err_code	 rc;
	int		 nsrc, line = 0, u;

	f->from = -1;
	f->unit = CONV_SECONDS;
	f->optional = optional;
	if (n->type == YAML_SCALAR_NODE)	/* short form: a column */
		return columns(y, f, n, where, 0);
	if ((rc = keys(y, n, where, allowed, v)) != ERR_OK)
		return rc;
	nsrc = (v[FK_COLUMN] != NULL) + (v[FK_COLUMNS] != NULL) +
	    (v[FK_VALUE] != NULL) + (v[FK_LINE] != NULL);
	if (nsrc != 1)
		return fail(y, n, "%s: expected exactly one of column, "
		    "columns, value or line", where);
	if (v[FK_OPTIONAL] != NULL && (rc = boolean(y, v[FK_OPTIONAL],
	    sub(y, where, "optional"), &f->optional)) != ERR_OK)
		return rc;
	if (v[FK_UNIT] != NULL) {
		if ((rc = text(y, v[FK_UNIT], sub(y, where, "unit"), &s)) !=
		    ERR_OK)
			return rc;
		if ((u = conv_unit_find(s)) < 0)
			return fail(y, v[FK_UNIT], "%s.unit: expected seconds, "
			    "minutes, hours, days or h:mm:ss, got \"%s\"",
			    where, s);
		if (f->type != DT_DUR && v[FK_FROM] == NULL)
			return fail(y, v[FK_UNIT], "%s.unit: a unit is for "
			    "durations, or for a time given as an offset "
			    "from another field (from:)", where);
		f->unit = (enum conv_unit)u;
	}
	if (v[FK_FROM] != NULL) {
		if ((rc = text(y, v[FK_FROM], sub(y, where, "from"), &s)) !=
		    ERR_OK)
			return rc;
		if (f->type != DT_TIME)
			return fail(y, v[FK_FROM], "%s.from: only a time can "
			    "be an offset from another field", where);
		if ((f->from = ds_field_find(y->p->ds, s)) < 0 ||
		    ds_info[y->p->ds].fields[f->from].type != DT_TIME)
			return fail(y, v[FK_FROM], "%s.from: \"%s\" is not a "
			    "time field of %s", where, s,
			    ds_info[y->p->ds].name);
		if (v[FK_FORMATS] != NULL)
			return fail(y, v[FK_FORMATS], "%s.formats: a time "
			    "given as an offset (from:) takes a unit, not "
			    "formats", where);
	}
	if (v[FK_FORMATS] != NULL) {
		if (f->type != DT_TIME)
			return fail(y, v[FK_FORMATS], "%s.formats: only a "
			    "time field takes date formats", where);
		if ((rc = formats(y, f, v[FK_FORMATS],
		    sub(y, where, "formats"))) != ERR_OK)
			return rc;
	}
	if (v[FK_PREFIX] != NULL) {
		if (f->type != DT_TEXT)
			return fail(y, v[FK_PREFIX], "%s.prefix: only a text "
			    "field takes a prefix", where);
		if ((rc = text(y, v[FK_PREFIX], sub(y, where, "prefix"),
		    &f->prefix)) != ERR_OK)
			return rc;
		f->prefixlen = strlen(f->prefix);
	}
	if (v[FK_COLUMN] != NULL && (rc = columns(y, f, v[FK_COLUMN],
	    sub(y, where, "column"), 0)) != ERR_OK)
		return rc;
	if (v[FK_COLUMNS] != NULL && (rc = columns(y, f, v[FK_COLUMNS],
	    sub(y, where, "columns"), 1)) != ERR_OK)
		return rc;
	if (v[FK_LINE] != NULL) {
		if ((rc = boolean(y, v[FK_LINE], sub(y, where, "line"),
		    &line)) != ERR_OK)
			return rc;
		if (!line || f->type != DT_TEXT)
			return fail(y, v[FK_LINE], "%s.line: expected true, on "
			    "a text field (an id built from the line number)",
			    where);
		f->src = PS_LINE;
	}
	if (v[FK_MISSING] != NULL && (rc = strings(y, v[FK_MISSING],
	    sub(y, where, "missing"), &f->missing, &f->missinglen,
	    &f->nmissing)) != ERR_OK)
		return rc;
	if (v[FK_MAP] != NULL && (rc = map(y, f, v[FK_MAP],
	    sub(y, where, "map"))) != ERR_OK)
		return rc;
	if (v[FK_DEFAULT] != NULL) {
		if (v[FK_MAP] == NULL)
			return fail(y, v[FK_DEFAULT], "%s.default: is the value "
			    "of a row not in map:, and there is no map", where);
		f->has_default = 1;
		if ((rc = typed(y, f, v[FK_DEFAULT], sub(y, where, "default"),
		    &f->def)) != ERR_OK)
			return rc;
	}
	if (v[FK_VALUE] != NULL) {
		f->src = PS_VALUE;
		if ((rc = typed(y, f, v[FK_VALUE], sub(y, where, "value"),
		    &f->constant)) != ERR_OK)
			return rc;
	}
	if (v[FK_WHEN] != NULL && (rc = conds(y, v[FK_WHEN],
	    sub(y, where, "when"), &f->when, &f->nwhen)) != ERR_OK)
		return rc;
	return ERR_OK;
}

static enum err_code
fields(struct py *y, yaml_node_t *n, int optional)
{
	const struct ds_info	*di = &ds_info[y->p->ds];
	yaml_node_pair_t	*pr;
	yaml_node_t		*k;
	struct pfield		*f, tmp;
	const char		*name;
	char			 list[1024];
	size_t			 len;
	enum err_code		 rc;
	int			 i, j, fi, count;

	if (n->type != YAML_MAPPING_NODE)
		return fail(y, n, "fields: expected a mapping of okrdesk "
		    "fields to columns, got %s", what(n));
	count = (int)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	if ((y->p->fields = arena_calloc(y->a, (size_t)count + 1,
	    sizeof(*y->p->fields))) == NULL)
		return nomem(y);
	for (pr = n->data.mapping.pairs.start, i = 0;
	    pr < n->data.mapping.pairs.top; pr++, i++) {
		k = node(y, pr->key);
		if (k->type != YAML_SCALAR_NODE)
			return fail(y, k, "fields: expected a field name, got "
			    "%s", what(k));
		name = (const char *)k->data.scalar.value;
		if ((fi = ds_field_find(y->p->ds, name)) < 0) {
			for (j = 0, len = 0; j < di->nfields; j++)
				len += (size_t)snprintf(list + len, len <
				    sizeof(list) ? sizeof(list) - len : 0,
				    "%s%s", j ? ", " : "", di->fields[j].name);
			return fail(y, k, "fields: unknown field \"%s\" of %s "
			    "(expected one of: %s)", name, di->name, list);
		}
		for (j = 0; j < i; j++)
			if (y->p->fields[j].f == fi)
				return fail(y, k, "fields: field \"%s\" is "
				    "given twice", name);
		f = &y->p->fields[i];
		f->f = fi;
		f->name = di->fields[fi].name;
		f->type = di->fields[fi].type;
		if ((rc = field(y, f, node(y, pr->value),
		    sub(y, "fields", name), optional)) != ERR_OK)
			return rc;
	}
	y->p->nfields = count;
	/* offsets (from:) are computed after the fields they start from */
	for (i = 0; i < count; i++) {
		f = &y->p->fields[i];
		if (f->from < 0)
			continue;
		for (j = 0; j < count; j++)
			if (y->p->fields[j].f == f->from)
				break;
		if (j == count || y->p->fields[j].from >= 0)
			return fail(y, n, "fields.%s.from: %s must itself be "
			    "mapped, and not as an offset", f->name,
			    di->fields[f->from].name);
	}
	for (i = 0, j = 0; i < count; i++)
		if (y->p->fields[i].from < 0) {
			tmp = y->p->fields[i];
			memmove(&y->p->fields[j + 1], &y->p->fields[j],
			    (size_t)(i - j) * sizeof(tmp));
			y->p->fields[j++] = tmp;
		}
	return ERR_OK;
}

enum tkey {
	TK_NAME, TK_DESCRIPTION, TK_DATASET, TK_READER, TK_FORMAT,
	TK_DELIMITER, TK_TIMEZONE, TK_OPTIONAL, TK_MISSING, TK_WHERE,
	TK_FIELDS, TK__MAX
};

static enum err_code
top(struct py *y, yaml_node_t *root)
{
	static const char *const allowed[TK__MAX + 1] = { "name",
	    "description", "dataset", "reader", "format", "delimiter",
	    "timezone", "optional", "missing", "where", "fields", NULL };
	yaml_node_t	*v[TK__MAX];
	struct profile	*p = y->p;
	const char	*s;
	enum err_code	 rc;
	int		 d, optional = 0;

	if ((rc = keys(y, root, "profile", allowed, v)) != ERR_OK)
		return rc;
	if (v[TK_DATASET] == NULL)
		return fail(y, root, "dataset: is required (one of "
		    "interactions, surveys, qa_reviews, training, kb_audits, "
		    "customers, agents)");
	if ((rc = text(y, v[TK_DATASET], "dataset", &s)) != ERR_OK)
		return rc;
	if ((d = ds_find(s)) < 0)
		return fail(y, v[TK_DATASET], "dataset: expected one of "
		    "interactions, surveys, qa_reviews, training, kb_audits, "
		    "customers, agents, got \"%s\"", s);
	p->ds = (enum ds)d;
	if (v[TK_NAME] != NULL &&
	    (rc = text(y, v[TK_NAME], "name", &p->name)) != ERR_OK)
		return rc;
	if (v[TK_DESCRIPTION] != NULL && (rc = scalar(y, v[TK_DESCRIPTION],
	    "description", &p->description)) != ERR_OK)
		return rc;
	if (v[TK_READER] != NULL &&
	    (rc = text(y, v[TK_READER], "reader", &p->reader)) != ERR_OK)
		return rc;
	if (v[TK_FORMAT] != NULL) {
		if ((rc = text(y, v[TK_FORMAT], "format", &s)) != ERR_OK)
			return rc;
		if (strcmp(s, "csv") != 0 && strcmp(s, "json") != 0 &&
		    strcmp(s, "ndjson") != 0)
			return fail(y, v[TK_FORMAT], "format: expected csv, "
			    "json or ndjson, got \"%s\"", s);
		p->format = s;
	}
	if (v[TK_DELIMITER] != NULL) {
		if ((rc = text(y, v[TK_DELIMITER], "delimiter", &s)) != ERR_OK)
			return rc;
		if (strcmp(s, "tab") == 0)
			s = "\t";
		if (strlen(s) != 1 || s[0] == '"' || s[0] == '\n' ||
		    s[0] == '\r')
			return fail(y, v[TK_DELIMITER], "delimiter: expected "
			    "one character such as \",\" \";\" or tab, got "
			    "\"%s\"", s);
		p->delim = (unsigned char)s[0];
	}
	if (v[TK_TIMEZONE] != NULL &&
	    (rc = text(y, v[TK_TIMEZONE], "timezone", &p->tzspec)) != ERR_OK)
		return rc;
	if (conv_tz_init(&p->tz, p->tzspec, y->e) != ERR_OK)
		return fail(y, v[TK_TIMEZONE], "timezone: %s (leave it out "
		    "for the workspace's zone)", y->e->msg);
	if (v[TK_OPTIONAL] != NULL && (rc = boolean(y, v[TK_OPTIONAL],
	    "optional", &optional)) != ERR_OK)
		return rc;
	if (v[TK_MISSING] != NULL && (rc = strings(y, v[TK_MISSING],
	    "missing", &p->missing, &p->missinglen, &p->nmissing)) != ERR_OK)
		return rc;
	if (v[TK_WHERE] != NULL && (rc = conds(y, v[TK_WHERE], "where",
	    &p->where, &p->nwhere)) != ERR_OK)
		return rc;
	if (v[TK_FIELDS] == NULL)
		return fail(y, root, "fields: is required");
	return fields(y, v[TK_FIELDS], optional);
}

enum err_code
profile_parse(struct arena *a, const char *txt, size_t len,
    const char *origin, struct profile **out, struct err *e)
{
	struct py	 y;
	yaml_parser_t	 parser;
	yaml_node_t	*root;
	enum err_code	 rc;

	*out = NULL;
	memset(&y, 0, sizeof(y));
	y.origin = origin != NULL ? origin : "profile";
	y.a = a;
	y.e = e;
	if ((y.p = arena_alloc(a, sizeof(*y.p))) == NULL)
		return nomem(&y);
	y.p->origin = arena_strdup(a, y.origin);
	if (!yaml_parser_initialize(&parser))
		return nomem(&y);
	yaml_parser_set_input_string(&parser, (const unsigned char *)txt, len);
	if (!yaml_parser_load(&parser, &y.doc)) {
		rc = parser.error == YAML_MEMORY_ERROR ? nomem(&y) :
		    err_set(e, ERR_INVAL, "%s:%zu:%zu: %s%s%s", y.origin,
		    parser.problem_mark.line + 1,
		    parser.problem_mark.column + 1,
		    parser.problem != NULL ? parser.problem : "not valid YAML",
		    parser.context != NULL ? " " : "",
		    parser.context != NULL ? parser.context : "");
		yaml_parser_delete(&parser);
		return rc;
	}
	yaml_parser_delete(&parser);
	if ((root = yaml_document_get_root_node(&y.doc)) == NULL)
		rc = err_set(e, ERR_INVAL, "%s: the profile is empty", y.origin);
	else
		rc = top(&y, root);
	yaml_document_delete(&y.doc);
	if (rc == ERR_OK && arena_failed(a))
		rc = nomem(&y);
	if (rc == ERR_OK)
		*out = y.p;
	return rc;
}
