/*
 * wsexport.c: the workspace written as a workspace file (wsfile_export;
 * see wsfile.h and docs/workspace-file.md).
 *
 * libyaml's emitter turns events into text, so quoting and escaping are
 * always right; this file only decides the shape: block style, keys in
 * field-table order, unset optional fields left out, every value as
 * field_format() writes it (5.9 stays 5.9, enums by name).  Text that a
 * YAML reader would take for something else (null, yes, 42, a date) is
 * quoted, so the file reads the same in any YAML tool.
 *
 * The order of everything depends on the workspace alone: teams parents
 * first and otherwise as created, people and objectives as created,
 * cycles by start, key results in their objective's order.  Applying the
 * file to an empty workspace creates everything in that order, which is
 * what makes export -> apply -> export give the same bytes.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "okr/wsfile.h"

#define WSFILE_HEADER \
	"# okrdesk workspace file: 'okrdesk apply FILE' makes a workspace " \
	"match it.\n# Format: docs/workspace-file.md\n"

struct emit {
	yaml_emitter_t	 em;
	struct buf	*out;
	struct buf	 val;	/* one formatted value */
	int		 ok;	/* no event has failed */
};

static int
emit_write(void *data, unsigned char *text, size_t size)
{
	struct buf	*b = data;

	buf_add(b, text, size);
	return buf_error(b) == ERR_OK;
}

/* Emit ev, built by an initializer that returned made (0: it failed). */
static void
emit(struct emit *x, yaml_event_t *ev, int made)
{
	if (!made) {
		x->ok = 0;
		return;
	}
	if (!x->ok) {
		yaml_event_delete(ev);
		return;
	}
	/* the emitter frees the event, whether it succeeds or not */
	if (!yaml_emitter_emit(&x->em, ev))
		x->ok = 0;
}

static void
emit_scalar(struct emit *x, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t	 ev;

	emit(x, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)strlen(s), 1, 1, style));
}

static void
emit_map(struct emit *x)
{
	yaml_event_t	 ev;

	emit(x, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE));
}

static void
emit_map_end(struct emit *x)
{
	yaml_event_t	 ev;

	emit(x, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void
emit_seq(struct emit *x, yaml_sequence_style_t style)
{
	yaml_event_t	 ev;

	emit(x, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    style));
}

static void
emit_seq_end(struct emit *x)
{
	yaml_event_t	 ev;

	emit(x, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* A key: always a plain word of the field tables. */
static void
emit_key(struct emit *x, const char *key)
{
	emit_scalar(x, key, YAML_PLAIN_SCALAR_STYLE);
}

/* Is s YYYY-MM-DD, alone or starting a time? */
static int
looks_date(const char *s)
{
	static const char	 shape[] = "dddd-dd-dd";
	size_t			 i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) :
		    s[i] != shape[i])
			return 0;
	return s[i] == '\0' || s[i] == 'T' || s[i] == 't' || s[i] == ' ';
}

/*
 * Would a YAML reader take plain s for a null, a boolean, a number or a
 * date?  okrdesk would not (it reads every value as text, then as its
 * field's type), but other tools reading the file should see strings.
 */
static int
looks_typed(const char *s)
{
	static const char *const words[] = { "~", "null", "true", "false",
		"yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf",
		".nan", NULL };
	char		*end;
	size_t		 i;

	if (*s == '\0' || looks_date(s))
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	/* 0x1F, 0o17, 0b101; 1_000 */
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b'))
		return 1;
	if (strspn(s, "0123456789_+-.eE") == strlen(s) &&
	    strpbrk(s, "0123456789") != NULL)
		return 1;
	(void)strtod(s, &end);
	return *end == '\0';
}

/*
 * Text the way a person would write it: plain where it reads back as the
 * same string, quoted where it would read as another type, a literal
 * block for several lines.  libyaml falls back to a quoted style on its
 * own whenever the one asked for cannot hold the text exactly.
 */
static void
emit_text(struct emit *x, const char *s)
{
	if (strchr(s, '\n') != NULL)
		emit_scalar(x, s, YAML_LITERAL_SCALAR_STYLE);
	else if (looks_typed(s))
		emit_scalar(x, s, YAML_SINGLE_QUOTED_SCALAR_STYLE);
	else
		emit_scalar(x, s, YAML_ANY_SCALAR_STYLE);
}

/* "key: value" for every set, settable field of tab. */
static void
emit_fields(struct emit *x, const struct field_def *tab, const void *obj)
{
	const struct field_def	*f;

	for (f = tab; f->name != NULL; f++) {
		if ((f->flags & F_READONLY) || field_isnull(f, obj))
			continue;
		buf_reset(&x->val);
		field_format(f, obj, &x->val);
		if (buf_error(&x->val) != ERR_OK) {
			x->ok = 0;
			return;
		}
		emit_key(x, f->name);
		switch (f->type) {
		case FT_NUMBER:
		case FT_WEIGHT:
		case FT_FRACTION:
		case FT_DAYS:
		case FT_COUNT:
		case FT_ENUM:
		case FT_DATE:
			emit_scalar(x, buf_cstr(&x->val),
			    YAML_ANY_SCALAR_STYLE);
			break;
		default:
			emit_text(x, buf_cstr(&x->val));
			break;
		}
	}
}

/* The index of the team called name in v, or n. */
static size_t
team_index(const struct team *v, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return i;
	return n;
}

/*
 * The order to write the n teams of v: each after its parent, otherwise
 * as created.  A team's ancestors not yet written go first, top down.
 */
static size_t *
teams_parents_first(const struct team *v, size_t n, struct arena *a)
{
	size_t		*order, *chain, k = 0, c, p, i;
	unsigned char	*queued;

	if ((order = arena_calloc(a, n + 1, sizeof(*order))) == NULL ||
	    (chain = arena_calloc(a, n + 1, sizeof(*chain))) == NULL ||
	    (queued = arena_calloc(a, n + 1, 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		c = 0;
		for (p = i; p < n && !queued[p];
		    p = team_index(v, n, v[p].parent)) {
			queued[p] = 1;
			chain[c++] = p;
		}
		while (c > 0)
			order[k++] = chain[--c];
	}
	return order;
}

static enum err_code
export_teams(struct emit *x, struct okr *o, struct arena *a, struct err *e)
{
	struct team	*v;
	size_t		*order, n, i;
	enum err_code	 rc;

	if ((rc = team_list(o, a, &v, &n, e)) != ERR_OK || n == 0)
		return rc;
	if ((order = teams_parents_first(v, n, a)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	emit_key(x, "teams");
	emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
	for (i = 0; i < n; i++) {
		emit_map(x);
		emit_fields(x, team_fields, &v[order[i]]);
		emit_map_end(x);
	}
	emit_seq_end(x);
	return ERR_OK;
}

static enum err_code
export_people(struct emit *x, struct okr *o, struct arena *a, struct err *e)
{
	struct person	*v;
	size_t		 n, i;
	enum err_code	 rc;

	if ((rc = person_list(o, a, &v, &n, e)) != ERR_OK || n == 0)
		return rc;
	emit_key(x, "people");
	emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
	for (i = 0; i < n; i++) {
		emit_map(x);
		emit_fields(x, person_fields, &v[i]);
		emit_map_end(x);
	}
	emit_seq_end(x);
	return ERR_OK;
}

static enum err_code
export_cycles(struct emit *x, struct okr *o, struct arena *a, struct err *e)
{
	struct cycle	*v;
	size_t		 n, i;
	enum err_code	 rc;

	if ((rc = cycle_list(o, a, &v, &n, e)) != ERR_OK || n == 0)
		return rc;
	emit_key(x, "cycles");
	emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
	for (i = 0; i < n; i++) {
		emit_map(x);
		emit_fields(x, cycle_fields, &v[i]);
		emit_map_end(x);
	}
	emit_seq_end(x);
	return ERR_OK;
}

/* A key result, its milestones as {title, weight} mappings. */
static void
export_kr(struct emit *x, const struct kr *k)
{
	char	 w[32];
	size_t	 i;

	emit_map(x);
	emit_fields(x, kr_fields, k);
	if (k->nms > 0) {
		emit_key(x, "milestones");
		emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
		for (i = 0; i < k->nms; i++) {
			emit_map(x);
			emit_key(x, "title");
			emit_text(x, k->ms[i].title);
			emit_key(x, "weight");
			field_fmt_number(k->ms[i].weight, w, sizeof(w));
			emit_scalar(x, w, YAML_ANY_SCALAR_STYLE);
			emit_map_end(x);
		}
		emit_seq_end(x);
	}
	emit_map_end(x);
}

/* Objectives as created, each with its aligns and key results. */
static enum err_code
export_objectives(struct emit *x, struct okr *o, struct arena *a,
    struct err *e)
{
	struct objective	*v;
	struct kr		*k;
	size_t			 n, nk, i, j, shown;
	enum err_code		 rc;

	if ((rc = objective_list(o, NULL, a, &v, &n, e)) != ERR_OK ||
	    n == 0 || (rc = kr_list(o, NULL, a, &k, &nk, e)) != ERR_OK)
		return rc;
	emit_key(x, "objectives");
	emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
	for (i = 0; i < n; i++) {
		emit_map(x);
		emit_fields(x, objective_fields, &v[i]);
		if (v[i].naligns > 0) {
			/* a short list of keys: one line, as people write it */
			emit_key(x, "aligns");
			emit_seq(x, YAML_FLOW_SEQUENCE_STYLE);
			for (j = 0; j < v[i].naligns; j++)
				emit_text(x, v[i].aligns[j]);
			emit_seq_end(x);
		}
		/* kr_list gives each objective's key results in order */
		for (j = 0, shown = 0; j < nk; j++) {
			if (k[j].objective_id != v[i].id)
				continue;
			if (shown++ == 0) {
				emit_key(x, "key_results");
				emit_seq(x, YAML_BLOCK_SEQUENCE_STYLE);
			}
			export_kr(x, &k[j]);
		}
		if (shown > 0)
			emit_seq_end(x);
		emit_map_end(x);
	}
	emit_seq_end(x);
	return ERR_OK;
}

static enum err_code
export_all(struct emit *x, struct okr *o, struct arena *a, struct err *e)
{
	yaml_event_t	 ev;
	enum err_code	 rc;

	emit(x, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING));
	emit(x, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, 1));
	emit_map(x);
	emit_key(x, "workspace");
	emit_map(x);
	emit_fields(x, workspace_fields, &o->ws);
	emit_map_end(x);
	if ((rc = export_teams(x, o, a, e)) != ERR_OK ||
	    (rc = export_people(x, o, a, e)) != ERR_OK ||
	    (rc = export_cycles(x, o, a, e)) != ERR_OK ||
	    (rc = export_objectives(x, o, a, e)) != ERR_OK)
		return rc;
	emit_map_end(x);
	emit(x, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(x, &ev, yaml_stream_end_event_initialize(&ev));
	if (x->ok && !yaml_emitter_flush(&x->em))
		x->ok = 0;
	return ERR_OK;
}

enum err_code
wsfile_export(struct okr *o, struct buf *out, struct err *e)
{
	struct emit	 x;
	struct arena	 a = ARENA_INIT;
	enum err_code	 rc;

	memset(&x, 0, sizeof(x));
	x.out = out;
	x.ok = 1;
	buf_init(&x.val, 0);
	if (!yaml_emitter_initialize(&x.em))
		return err_set(e, ERR_NOMEM, "out of memory");
	yaml_emitter_set_output(&x.em, emit_write, out);
	yaml_emitter_set_unicode(&x.em, 1);
	yaml_emitter_set_indent(&x.em, 2);
	yaml_emitter_set_width(&x.em, -1);	/* never fold long lines */
	yaml_emitter_set_break(&x.em, YAML_LN_BREAK);
	buf_puts(out, WSFILE_HEADER);
	rc = export_all(&x, o, &a, e);
	if (rc == ERR_OK && arena_failed(&a))
		rc = err_set(e, ERR_NOMEM, "out of memory");
	if (rc == ERR_OK && buf_error(out) != ERR_OK)
		rc = err_set(e, buf_error(out), "the workspace file is too "
		    "big to write");
	if (rc == ERR_OK && !x.ok)
		rc = err_set(e, ERR_INTERNAL, "cannot write the workspace "
		    "file: %s", x.em.problem != NULL ? x.em.problem :
		    "out of memory");
	yaml_emitter_delete(&x.em);
	buf_release(&x.val);
	arena_release(&a);
	return rc;
}
