/*
 * buf.h: a growable, size-capped string builder (after git's strbuf and
 * curl's dynbuf).
 *
 * A buf is never NULL-terminated-less: buf_cstr() always returns a valid
 * string, "" when empty.  Growth past the cap, or a failed allocation, sets
 * a sticky error; later appends are ignored, so a caller builds a whole
 * text and checks buf_error() once at the end (SQLite's str builder idiom).
 *
 * Ownership: the buf owns its memory; buf_release() frees it and leaves an
 * empty buf that can be reused; buf_detach() hands the string to the caller.
 */
#ifndef CORE_BUF_H
#define CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "core/err.h"

#define BUF_CAP_DEFAULT	((size_t)64 << 20)	/* 64 MiB */

struct buf {
	char		*data;
	size_t		 len;
	size_t		 alloc;
	size_t		 cap;		/* hard maximum of len; 0 = default */
	enum err_code	 err;		/* sticky: ERR_OK, ERR_NOMEM or ERR_TOOBIG */
};

#define BUF_INIT	{ NULL, 0, 0, 0, ERR_OK }

void	 buf_init(struct buf *, size_t cap);
void	 buf_release(struct buf *);
char	*buf_detach(struct buf *);
void	 buf_reset(struct buf *);

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Append n copies of the string s (for bars and indentation). */
void	 buf_repeat(struct buf *, const char *s, size_t n);

const char *buf_cstr(const struct buf *);
enum err_code buf_error(const struct buf *);

#endif /* CORE_BUF_H */
