/*
 * err.h: the one error vocabulary of okrdesk.
 *
 * Every function that can fail returns an enum err_code (ERR_OK is 0) and,
 * when given a non-NULL struct err *, fills in a message that says what
 * failed and where, in lower case, quoting the offending value.  The codes
 * are declared once in ERR_LIST, which also yields their names; the CLI maps
 * them to exit codes and the web layer (later) to HTTP statuses.
 *
 * Ownership: struct err is a plain value owned by the caller; it holds no
 * heap memory and needs no release.
 */
#ifndef CORE_ERR_H
#define CORE_ERR_H

#include <stddef.h>

/*        name          short text                  */
#define ERR_LIST(X) \
	X(OK,		"ok") \
	X(INVAL,	"invalid input") \
	X(USAGE,	"usage") \
	X(NOTFOUND,	"not found") \
	X(EXISTS,	"already exists") \
	X(CONFLICT,	"conflict") \
	X(NOMEM,	"out of memory") \
	X(TOOBIG,	"too big") \
	X(IO,		"input/output error") \
	X(STORE,	"store error") \
	X(VERSION,	"unsupported version") \
	X(INTERNAL,	"internal error")

enum err_code {
#define X(n, s) ERR_##n,
	ERR_LIST(X)
#undef X
	ERR__MAX
};

#define ERR_MSG_MAX	1024

struct err {
	enum err_code	 code;
	char		 field[64];	/* the field or key concerned, or "" */
	char		 msg[ERR_MSG_MAX];
};

/*
 * Record an error in e (if not NULL) and return code, so callers can write
 * "return err_set(e, ERR_INVAL, "...", ...);".  The first error set sticks
 * only in the sense that callers stop at it; a later call overwrites.
 */
enum err_code	err_set(struct err *e, enum err_code code, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* As err_set, also naming the field the error is about. */
enum err_code	err_setf(struct err *e, enum err_code code, const char *field,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Prefix the current message with "prefix: " (e.g. a file name). */
void		err_prefix(struct err *e, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/* Reset to ERR_OK with an empty message. */
void		err_clear(struct err *e);

/* "invalid input", "not found", ... */
const char	*err_code_text(enum err_code);
/* "INVAL", "NOTFOUND", ... */
const char	*err_code_name(enum err_code);

#endif /* CORE_ERR_H */
