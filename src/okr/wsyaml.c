/*
 * wsyaml.c: a YAML document read with positions.  See wsyaml.h.
 *
 * libyaml's document API (yaml_parser_load) keeps the start mark of every
 * node, which is what lets each message say line and column.  It does not
 * refuse duplicate keys in a mapping, so wsy_map does.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "okr/wsyaml.h"

yaml_node_t *
wsy_root(struct wsy *y)
{
	return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *
wsy_node(struct wsy *y, int i)
{
	return yaml_document_get_node(&y->doc, i);
}

size_t
wsy_line(const yaml_node_t *n)
{
	return n->start_mark.line + 1;
}

static size_t
wsy_col(const yaml_node_t *n)
{
	return n->start_mark.column + 1;
}

static const char *
wsy_what(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "a single value";
	}
}

int
wsy_isnull(const yaml_node_t *n)
{
	const char	*v;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	v = (const char *)n->data.scalar.value;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

enum err_code
wsy_fail(struct wsy *y, const yaml_node_t *n, const char *fmt, ...)
{
	char	 msg[ERR_MSG_MAX];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(y->e, ERR_INVAL, "%s:%zu:%zu: %s", y->path,
	    wsy_line(n), wsy_col(n), msg);
}

enum err_code
wsy_wrap(struct wsy *y, const yaml_node_t *n, const char *where,
    enum err_code rc)
{
	char		 msg[ERR_MSG_MAX], field[sizeof(y->e->field)];
	const char	*sep = ": ";
	size_t		 fl;

	switch (rc) {
	case ERR_NOMEM:
	case ERR_TOOBIG:
	case ERR_IO:
	case ERR_STORE:
	case ERR_VERSION:
	case ERR_INTERNAL:
		return rc;
	default:
		break;
	}
	memcpy(msg, y->e->msg, sizeof(msg));
	memcpy(field, y->e->field, sizeof(field));
	fl = strlen(field);
	if (fl > 0 && strncmp(msg, field, fl) == 0 && msg[fl] == ':')
		sep = ".";
	if (where == NULL)
		where = sep = "";
	return err_setf(y->e, ERR_INVAL, field, "%s:%zu:%zu: %s%s%s",
	    y->path, wsy_line(n), wsy_col(n), where, sep, msg);
}

enum err_code
wsy_nomem(struct wsy *y)
{
	return err_set(y->e, ERR_NOMEM, "out of memory");
}

const yaml_node_t *
wsy_at(struct wsy *y, const yaml_node_t *n, const char *name)
{
	yaml_node_pair_t	*p;
	const yaml_node_t	*k;

	if (n->type != YAML_MAPPING_NODE || name == NULL || *name == '\0')
		return n;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = wsy_node(y, p->key);
		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, name) == 0)
			return wsy_node(y, p->value);
	}
	return n;
}

const char *
wsy_item(struct wsy *y, const char *section, size_t i)
{
	return arena_printf(&y->a, "%s[%zu]", section, i);
}

enum err_code
wsy_list(struct wsy *y, const yaml_node_t *n, const char *where,
    yaml_node_item_t **items, size_t *count)
{
	*items = NULL;
	*count = 0;
	if (n == NULL || wsy_isnull(n))
		return ERR_OK;
	if (n->type != YAML_SEQUENCE_NODE)
		return wsy_fail(y, n, "%s: expected a list, got %s", where,
		    wsy_what(n));
	*items = n->data.sequence.items.start;
	*count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	return ERR_OK;
}

enum err_code
wsy_scalar(struct wsy *y, const yaml_node_t *n, const char *where,
    const char *name, const char **out)
{
	const char	*dot = *name != '\0' ? "." : "";

	*out = NULL;
	if (n->type != YAML_SCALAR_NODE)
		return wsy_fail(y, n, "%s%s%s: expected a single value, got %s",
		    where, dot, name, wsy_what(n));
	if (wsy_isnull(n))
		return ERR_OK;
	if (strlen((const char *)n->data.scalar.value) !=
	    n->data.scalar.length)
		return wsy_fail(y, n, "%s%s%s: contains a NUL character",
		    where, dot, name);
	*out = (const char *)n->data.scalar.value;
	return ERR_OK;
}

static enum err_code
wsy_unknown(struct wsy *y, const yaml_node_t *k, const char *where,
    const struct field_def *tab, const char *const *extra)
{
	struct buf	 b = BUF_INIT;
	enum err_code	 rc;
	size_t		 i;

	if (tab != NULL)
		field_names(tab, &b);
	for (i = 0; extra != NULL && extra[i] != NULL; i++)
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", extra[i]);
	rc = buf_error(&b) != ERR_OK ? wsy_nomem(y) : wsy_fail(y, k,
	    "%s: unknown key \"%s\" (expected one of: %s)", where,
	    (const char *)k->data.scalar.value, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

enum err_code
wsy_map(struct wsy *y, const yaml_node_t *n, const char *where,
    const struct field_def *tab, void *obj, const char *const *extra,
    yaml_node_t **extrav)
{
	yaml_node_pair_t	*p, *q;
	const yaml_node_t	*k, *k2;
	yaml_node_t		*v;
	const struct field_def	*f;
	const char		*name, *val;
	enum err_code		 rc;
	size_t			 i;

	for (i = 0; extra != NULL && extra[i] != NULL; i++)
		extrav[i] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return wsy_fail(y, n, "%s: expected a mapping of keys and "
		    "values, got %s", where, wsy_what(n));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = wsy_node(y, p->key);
		v = wsy_node(y, p->value);
		if (k->type != YAML_SCALAR_NODE)
			return wsy_fail(y, k, "%s: expected a key, got %s",
			    where, wsy_what(k));
		name = (const char *)k->data.scalar.value;
		for (q = n->data.mapping.pairs.start; q < p; q++) {
			k2 = wsy_node(y, q->key);
			if (k2->type == YAML_SCALAR_NODE && strcmp(name,
			    (const char *)k2->data.scalar.value) == 0)
				return wsy_fail(y, k, "%s: key \"%s\" is given "
				    "twice (first on line %zu)", where, name,
				    wsy_line(k2));
		}
		for (i = 0; extra != NULL && extra[i] != NULL; i++)
			if (strcmp(extra[i], name) == 0)
				break;
		if (extra != NULL && extra[i] != NULL) {
			extrav[i] = v;
			continue;
		}
		if (tab == NULL || (f = field_find(tab, name)) == NULL ||
		    (f->flags & F_READONLY))
			return wsy_unknown(y, k, where, tab, extra);
		if ((rc = wsy_scalar(y, v, where, name, &val)) != ERR_OK)
			return rc;
		if ((rc = field_set(tab, obj, name, val, &y->a, y->e))
		    != ERR_OK)
			return wsy_wrap(y, v, where, rc);
	}
	return ERR_OK;
}

enum err_code
wsy_required(struct wsy *y, const yaml_node_t *n, const char *where,
    const struct field_def *tab, const void *obj)
{
	const struct field_def	*f;

	for (f = tab; f->name != NULL; f++)
		if ((f->flags & (F_REQUIRED | F_IDENTITY)) &&
		    !(f->type == FT_ENUM && f != tab) && field_isnull(f, obj))
			return wsy_fail(y, n, "%s: %s is required", where,
			    f->name);
	return ERR_OK;
}

enum err_code
wsy_load(struct wsy *y, FILE *in)
{
	yaml_parser_t	 p;
	yaml_document_t	 next;
	enum err_code	 rc = ERR_OK;

	memset(&y->doc, 0, sizeof(y->doc));
	if (!yaml_parser_initialize(&p))
		return wsy_nomem(y);
	yaml_parser_set_input_file(&p, in);
	if (!yaml_parser_load(&p, &y->doc)) {
		memset(&y->doc, 0, sizeof(y->doc));
		goto bad;
	}
	/* a second document would be silently ignored: refuse it */
	if (!yaml_parser_load(&p, &next))
		goto bad;
	if (yaml_document_get_root_node(&next) != NULL)
		rc = err_set(y->e, ERR_INVAL, "%s:%zu:%zu: expected one YAML "
		    "document, found a second one", y->path,
		    next.start_mark.line + 1, next.start_mark.column + 1);
	yaml_document_delete(&next);
	yaml_parser_delete(&p);
	return rc;
bad:
	if (p.error == YAML_MEMORY_ERROR)
		rc = wsy_nomem(y);
	else if (p.error == YAML_READER_ERROR)
		/* found while decoding, before there are lines */
		rc = err_set(y->e, ERR_INVAL, "%s: byte %zu: %s", y->path,
		    p.problem_offset + 1, p.problem != NULL ? p.problem :
		    "cannot read the file");
	else
		rc = err_set(y->e, ERR_INVAL, "%s:%zu:%zu: %s%s%s", y->path,
		    p.problem_mark.line + 1, p.problem_mark.column + 1,
		    p.problem != NULL ? p.problem : "not valid YAML",
		    p.context != NULL ? " " : "",
		    p.context != NULL ? p.context : "");
	yaml_parser_delete(&p);
	return rc;
}

void
wsy_release(struct wsy *y)
{
	yaml_document_delete(&y->doc);
	arena_release(&y->a);
}
