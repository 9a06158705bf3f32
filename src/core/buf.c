/*
 * buf.c: the capped string builder.  See buf.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>

#include "core/buf.h"

void
buf_init(struct buf *b, size_t cap)
{
	b->data = NULL;
	b->len = b->alloc = 0;
	b->cap = cap;
	b->err = ERR_OK;
}

void
buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b, b->cap);
}

char *
buf_detach(struct buf *b)
{
	char	*s;

	s = b->data != NULL ? b->data : strdup("");
	buf_init(b, b->cap);
	return s;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = ERR_OK;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL. */
static int
buf_grow(struct buf *b, size_t n)
{
	size_t	 cap, need, nalloc;
	char	*p;

	if (b->err != ERR_OK)
		return -1;
	cap = b->cap ? b->cap : BUF_CAP_DEFAULT;
	if (n > cap || b->len > cap - n) {
		b->err = ERR_TOOBIG;
		return -1;
	}
	need = b->len + n + 1;
	if (need <= b->alloc)
		return 0;
	nalloc = b->alloc ? b->alloc : 64;
	while (nalloc < need)
		nalloc = nalloc > SIZE_MAX / 2 ? need : nalloc * 2;
	if ((p = realloc(b->data, nalloc)) == NULL) {
		b->err = ERR_NOMEM;
		return -1;
	}
	b->data = p;
	b->alloc = nalloc;
	return 0;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n) == -1)
		return;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	if (b->err != ERR_OK)
		return;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->err = ERR_INTERNAL;
		return;
	}
	if (buf_grow(b, (size_t)n) == -1)
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_repeat(struct buf *b, const char *s, size_t n)
{
	while (n-- > 0)
		buf_puts(b, s);
}

const char *
buf_cstr(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

enum err_code
buf_error(const struct buf *b)
{
	return b->err;
}
