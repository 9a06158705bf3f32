/*
 * html.h: an escaping HTML writer over struct buf (kcgi's khtml idea).
 *
 * Pages are built by appending to a buf, and the only ways to put text in
 * escape it: html_puts() for text, html_attr() for an attribute,
 * html_printf() whose %s arguments are always escaped, html_url() for a
 * URL component.  Markup itself comes only from html_raw() and the format
 * of html_printf(), both meant for string literals written in the code,
 * so a handler cannot forget to escape data by accident.
 *
 * Ownership: the caller owns the buf; errors stick in it (buf_error()).
 */
#ifndef CORE_HTML_H
#define CORE_HTML_H

#include <stddef.h>

#include "core/buf.h"

/* Append text, escaping & < > " ' (safe in content and in quoted
 * attribute values alike); NULL appends nothing. */
void	html_puts(struct buf *, const char *s);
/* As html_puts, for the first n bytes of s. */
void	html_putn(struct buf *, const char *s, size_t n);

/* Append trusted markup, unescaped: a literal from the code, never data. */
void	html_raw(struct buf *, const char *markup);

/* Append ` name="value"` with value escaped; a NULL value appends
 * nothing (an absent attribute).  name is a literal from the code. */
void	html_attr(struct buf *, const char *name, const char *value);

/*
 * printf into the page: fmt is trusted markup (a literal: the format
 * attribute makes the compiler check it), every %s and %c argument is
 * escaped as by html_puts, numbers (%d %i %u %x %ld %lld %zu %jd %f %g
 * %e with flags, width and precision) are written as printf would.  %n,
 * %p and the h, L, t length modifiers are refused, and so is a %s with a
 * width or precision whose text passes 511 bytes: each sets
 * ERR_INTERNAL in the buf rather than guess.
 */
void	html_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Append s percent-encoded as one URL component (RFC 3986: everything
 * but A-Z a-z 0-9 - . _ ~ is %XX), e.g. a query value or a path segment.
 * The result is also safe inside a quoted attribute. */
void	html_url(struct buf *, const char *s);

#endif /* CORE_HTML_H */
