/*
 * html.c: the escaping HTML writer.  See html.h.
 *
 * html_printf() walks its format itself so that it can escape each %s:
 * every conversion is copied into a small spec, its argument taken from
 * the va_list with the type the length modifier names, and formatted by
 * snprintf.  Only the conversions a page needs are known; anything else
 * sets an error in the buf rather than guess an argument's type.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"

void
html_putn(struct buf *b, const char *s, size_t n)
{
	size_t		 i, start = 0;
	const char	*rep;

	if (s == NULL)
		return;
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':  rep = "&amp;"; break;
		case '<':  rep = "&lt;"; break;
		case '>':  rep = "&gt;"; break;
		case '"':  rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:   continue;
		}
		buf_add(b, s + start, i - start);
		buf_puts(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, n - start);
}

void
html_puts(struct buf *b, const char *s)
{
	if (s != NULL)
		html_putn(b, s, strlen(s));
}

void
html_raw(struct buf *b, const char *markup)
{
	if (markup != NULL)
		buf_puts(b, markup);
}

void
html_attr(struct buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_putc(b, ' ');
	buf_puts(b, name);
	buf_puts(b, "=\"");
	html_puts(b, value);
	buf_putc(b, '"');
}

void
html_url(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 esc[3];

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[*p >> 4];
		esc[2] = hex[*p & 0x0f];
		buf_add(b, esc, 3);
	}
}

/* Length modifiers html_printf knows. */
enum lenmod { LEN_NONE, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_BAD };

/* Mark the buf failed: a format html_printf cannot type safely. */
static void
html_badfmt(struct buf *b)
{
	if (b->err == ERR_OK)
		b->err = ERR_INTERNAL;
}

void
html_printf(struct buf *b, const char *fmt, ...)
{
	va_list		 ap;
	const char	*p, *start;
	char		 spec[32], out[512], c;
	size_t		 sl;
	enum lenmod	 lm;
	int		 n, stars, a1 = 0, a2 = 0;

	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			start = p;
			while (p[1] != '\0' && p[1] != '%')
				p++;
			buf_add(b, start, (size_t)(p - start) + 1);
			continue;
		}
		if (p[1] == '%') {
			buf_putc(b, '%');
			p++;
			continue;
		}
		/* Copy flags, width and precision; count the '*'s. */
		start = p++;
		stars = 0;
		while (*p != '\0' && strchr("-+ #0123456789.*", *p) != NULL) {
			if (*p == '*')
				stars++;
			p++;
		}
		lm = LEN_NONE;
		if (*p == 'l' && p[1] == 'l') {
			lm = LEN_LL;
			p += 2;
		} else if (*p == 'l') {
			lm = LEN_L;
			p++;
		} else if (*p == 'z') {
			lm = LEN_Z;
			p++;
		} else if (*p == 'j') {
			lm = LEN_J;
			p++;
		} else if (*p == 'h' || *p == 'L' || *p == 't' || *p == 'q')
			lm = LEN_BAD;
		c = *p;
		sl = (size_t)(p - start) + 1;
		if (c == '\0' || lm == LEN_BAD || stars > 2 ||
		    sl >= sizeof(spec)) {
			html_badfmt(b);
			break;
		}
		memcpy(spec, start, sl);
		spec[sl] = '\0';
		if (stars > 0)
			a1 = va_arg(ap, int);
		if (stars > 1)
			a2 = va_arg(ap, int);
#define FMT(v) (stars == 0 ? snprintf(out, sizeof(out), spec, (v)) : \
	    stars == 1 ? snprintf(out, sizeof(out), spec, a1, (v)) : \
	    snprintf(out, sizeof(out), spec, a1, a2, (v)))
		switch (c) {
		case 's': {
			const char	*s = va_arg(ap, const char *);

			if (lm != LEN_NONE) {
				html_badfmt(b);
				goto out;
			}
			/* Width and precision apply to the text before
			 * escaping; format short ones, escape the result. */
			if (sl == 2) {
				html_puts(b, s == NULL ? "(null)" : s);
				continue;
			}
			n = FMT(s == NULL ? "(null)" : s);
			break;
		}
		case 'c':
			if (lm != LEN_NONE) {
				html_badfmt(b);
				goto out;
			}
			n = FMT(va_arg(ap, int));
			break;
		case 'd': case 'i':
			switch (lm) {
			case LEN_L:  n = FMT(va_arg(ap, long)); break;
			case LEN_LL: n = FMT(va_arg(ap, long long)); break;
			case LEN_Z:  n = FMT(va_arg(ap, size_t)); break;
			case LEN_J:  n = FMT(va_arg(ap, intmax_t)); break;
			default:     n = FMT(va_arg(ap, int)); break;
			}
			break;
		case 'u': case 'x': case 'X': case 'o':
			switch (lm) {
			case LEN_L:  n = FMT(va_arg(ap, unsigned long)); break;
			case LEN_LL: n = FMT(va_arg(ap, unsigned long long));
				     break;
			case LEN_Z:  n = FMT(va_arg(ap, size_t)); break;
			case LEN_J:  n = FMT(va_arg(ap, uintmax_t)); break;
			default:     n = FMT(va_arg(ap, unsigned)); break;
			}
			break;
		case 'f': case 'F': case 'g': case 'G': case 'e': case 'E':
			if (lm != LEN_NONE && lm != LEN_L) {
				html_badfmt(b);
				goto out;
			}
			n = FMT(va_arg(ap, double));
			break;
		default:	/* %n, %p, %a and the unknown */
			html_badfmt(b);
			goto out;
		}
#undef FMT
		if (n < 0 || (size_t)n >= sizeof(out)) {
			html_badfmt(b);
			goto out;
		}
		/* Numbers hold nothing to escape; %s and %c text does. */
		html_putn(b, out, (size_t)n);
	}
out:
	va_end(ap);
}
