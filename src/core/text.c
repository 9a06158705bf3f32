/*
 * text.c: terminal text helpers.  See text.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

size_t
text_width(const char *s)
{
	size_t	 w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void
text_cell(struct buf *b, const char *s, size_t w)
{
	size_t		 n = text_width(s), cols = 0;
	const char	*p;

	if (n <= w) {
		buf_puts(b, s);
		buf_repeat(b, " ", w - n);
		return;
	}
	if (w == 0)
		return;
	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80 && ++cols == w)
			break;
		buf_putc(b, *p);
	}
	buf_puts(b, "…");
}

void
text_num(double v, int sign, char *s, size_t sz)
{
	double	 a = fabs(v);
	int	 dec = a < 10 ? 2 : a < 1000 ? 1 : 0;
	size_t	 n;

	if (isnan(v)) {
		snprintf(s, sz, "—");
		return;
	}
	snprintf(s, sz, sign ? "%+.*f" : "%.*f", dec, v);
	if (dec > 0 && strchr(s, '.') != NULL) {
		n = strlen(s);
		while (n > 0 && s[n - 1] == '0')
			s[--n] = '\0';
		if (n > 0 && s[n - 1] == '.')
			s[--n] = '\0';
	}
	if (strcmp(s, "-0") == 0 || strcmp(s, "+0") == 0)
		snprintf(s, sz, "0");
}

void
text_put_num(struct buf *b, double v, int sign)
{
	char	 s[48];

	text_num(v, sign, s, sizeof(s));
	buf_puts(b, s);
}

void
text_put_unit(struct buf *b, const char *unit)
{
	if (unit != NULL)
		buf_printf(b, "%s%s", strcmp(unit, "%") == 0 ? "" : " ", unit);
}

void
text_put_band(struct buf *b, double low, double high, const char *unit)
{
	if (!isnan(low) && !isnan(high)) {
		text_put_num(b, low, 0);
		buf_puts(b, "–");
		text_put_num(b, high, 0);
	} else if (!isnan(low)) {
		buf_puts(b, "≥ ");
		text_put_num(b, low, 0);
	} else {
		buf_puts(b, "≤ ");
		text_put_num(b, high, 0);
	}
	text_put_unit(b, unit);
}
