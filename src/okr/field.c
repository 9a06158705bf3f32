/*
 * field.c: the one validator of user input.  See field.h.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/parse.h"
#include "okr/field.h"

#define TEXT_MAX	4000

const struct field_def *
field_find(const struct field_def *tab, const char *name)
{
	for (; tab->name != NULL; tab++)
		if (strcmp(tab->name, name) == 0)
			return tab;
	return NULL;
}

void
field_names(const struct field_def *tab, struct buf *b)
{
	const struct field_def	*f;

	for (f = tab; f->name != NULL; f++) {
		if (f->flags & F_READONLY)
			continue;
		if (f != tab)
			buf_puts(b, ", ");
		buf_puts(b, f->name);
	}
}

static void *
slot(const struct field_def *f, const void *obj)
{
	return (char *)(uintptr_t)obj + f->off;
}

int
field_isnull(const struct field_def *f, const void *obj)
{
	void	*p = slot(f, obj);

	switch (f->type) {
	case FT_NUMBER:
	case FT_WEIGHT:
	case FT_FRACTION:
		return isnan(*(double *)p);
	case FT_DAYS:
	case FT_COUNT:
		return *(int64_t *)p == 0;
	case FT_ENUM:
		return *(int *)p < 0;
	default:
		return *(char **)p == NULL;
	}
}

/* Parse text by type into the slot. */
static enum err_code
field_parse(const struct field_def *f, void *p, const char *v,
    struct arena *a, struct err *e)
{
	enum err_code	 rc = ERR_OK;
	double		 d;
	int64_t		 n;
	size_t		 i;

	switch (f->type) {
	case FT_NAME:
	case FT_REF:
		rc = parse_name(v, e);
		break;
	case FT_TEXT:
		rc = parse_text(v, TEXT_MAX, e);
		break;
	case FT_KEY:
		rc = parse_key(v, e);
		break;
	case FT_DATE:
		rc = parse_date(v, NULL, NULL, NULL, e);
		break;
	case FT_TZ:
		rc = clock_zone_check(v, e);
		break;
	case FT_NUMBER:
	case FT_WEIGHT:
		if ((rc = parse_number(v, &d, e)) != ERR_OK)
			break;
		if (f->type == FT_WEIGHT && !(d > 0))
			return err_setf(e, ERR_INVAL, f->name, "%s: expected a "
			    "weight greater than 0, got %s", f->name, v);
		*(double *)p = d;
		return ERR_OK;
	case FT_FRACTION:
		if ((rc = parse_fraction(v, &d, e)) != ERR_OK)
			break;
		*(double *)p = d;
		return ERR_OK;
	case FT_DAYS:
	case FT_COUNT:
		if ((rc = parse_int(v, 1, f->type == FT_DAYS ? 366 : 1000, &n,
		    e)) != ERR_OK)
			break;
		*(int64_t *)p = n;
		return ERR_OK;
	case FT_ENUM:
		for (i = 0; f->choices[i] != NULL; i++)
			if (strcmp(f->choices[i], v) == 0) {
				*(int *)p = (int)i;
				return ERR_OK;
			}
		{
			struct buf	 b = BUF_INIT;

			for (i = 0; f->choices[i] != NULL; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				    f->choices[i]);
			err_setf(e, ERR_INVAL, f->name, "%s: expected one of "
			    "%s, got \"%s\"", f->name, buf_cstr(&b), v);
			buf_release(&b);
			return ERR_INVAL;
		}
	case FT__MAX:
		return err_set(e, ERR_INTERNAL, "bad field type");
	}
	if (rc != ERR_OK) {
		err_prefix(e, "%s", f->name);
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "%s", f->name);
		return rc;
	}
	if ((*(char **)p = arena_strdup(a, v)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	return ERR_OK;
}

enum err_code
field_set(const struct field_def *tab, void *obj, const char *name,
    const char *value, struct arena *a, struct err *e)
{
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;
	void			*p;

	if ((f = field_find(tab, name)) == NULL ||
	    (f->flags & F_READONLY)) {
		field_names(tab, &b);
		err_setf(e, ERR_INVAL, name, "unknown field \"%s\" (expected "
		    "one of: %s)", name, buf_cstr(&b));
		buf_release(&b);
		return ERR_INVAL;
	}
	p = slot(f, obj);
	if (value != NULL)
		return field_parse(f, p, value, a, e);
	if (f->flags & (F_REQUIRED | F_IDENTITY))
		return err_setf(e, ERR_INVAL, f->name, "%s: is required and "
		    "cannot be cleared", f->name);
	switch (f->type) {
	case FT_NUMBER:
	case FT_WEIGHT:
	case FT_FRACTION:
		*(double *)p = NAN;
		break;
	case FT_DAYS:
	case FT_COUNT:
		*(int64_t *)p = 0;
		break;
	case FT_ENUM:
		*(int *)p = -1;
		break;
	default:
		*(char **)p = NULL;
		break;
	}
	return ERR_OK;
}

void
field_fmt_number(double v, char *buf, size_t sz)
{
	int	 prec;

	/*
	 * The shortest of %.15g..%.17g that reads back as v, so 5.9 prints
	 * as "5.9" and not "5.9000000000000004", yet nothing is lost.
	 */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, sz, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

void
field_format(const struct field_def *f, const void *obj, struct buf *b)
{
	void	*p = slot(f, obj);
	char	 num[32];
	int	 i;

	if (field_isnull(f, obj))
		return;
	switch (f->type) {
	case FT_NUMBER:
	case FT_WEIGHT:
	case FT_FRACTION:
		field_fmt_number(*(double *)p, num, sizeof(num));
		buf_puts(b, num);
		break;
	case FT_DAYS:
	case FT_COUNT:
		buf_printf(b, "%lld", (long long)*(int64_t *)p);
		break;
	case FT_ENUM:
		i = *(int *)p;
		buf_puts(b, f->choices[i]);
		break;
	default:
		buf_puts(b, *(char **)p);
		break;
	}
}

enum err_code
field_check_required(const struct field_def *tab, const void *obj,
    const char *what, struct err *e)
{
	for (; tab->name != NULL; tab++)
		if ((tab->flags & (F_REQUIRED | F_IDENTITY)) &&
		    field_isnull(tab, obj))
			return err_setf(e, ERR_INVAL, tab->name, "%s: %s is "
			    "required", what, tab->name);
	return ERR_OK;
}
