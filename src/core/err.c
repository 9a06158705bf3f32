/*
 * err.c: filling struct err.  See err.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"

static const char *const err_texts[ERR__MAX] = {
#define X(n, s) s,
	ERR_LIST(X)
#undef X
};

static const char *const err_names[ERR__MAX] = {
#define X(n, s) #n,
	ERR_LIST(X)
#undef X
};

enum err_code
err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list	 ap;

	if (e == NULL)
		return code;
	e->code = code;
	e->field[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

enum err_code
err_setf(struct err *e, enum err_code code, const char *field,
    const char *fmt, ...)
{
	va_list	 ap;

	if (e == NULL)
		return code;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
err_prefix(struct err *e, const char *fmt, ...)
{
	char	 pre[ERR_MSG_MAX];
	size_t	 np, nm;
	va_list	 ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(pre, sizeof(pre) - 2, fmt, ap);
	va_end(ap);
	np = strlen(pre);
	memcpy(pre + np, ": ", 3);
	np += 2;
	/* shift the old message right, dropping what no longer fits */
	nm = strlen(e->msg);
	if (np + nm >= sizeof(e->msg))
		nm = sizeof(e->msg) - np - 1;
	memmove(e->msg + np, e->msg, nm);
	memcpy(e->msg, pre, np);
	e->msg[np + nm] = '\0';
}

void
err_clear(struct err *e)
{
	if (e == NULL)
		return;
	e->code = ERR_OK;
	e->field[0] = '\0';
	e->msg[0] = '\0';
}

const char *
err_code_text(enum err_code c)
{
	return (unsigned)c < ERR__MAX ? err_texts[c] : "unknown error";
}

const char *
err_code_name(enum err_code c)
{
	return (unsigned)c < ERR__MAX ? err_names[c] : "UNKNOWN";
}
