/*
 * text.h: the terminal text helpers every table-printing face shares:
 * column widths of UTF-8 text, cells cut or padded to a width, numbers
 * with no more digits than a reader needs, units after numbers.
 */
#ifndef CORE_TEXT_H
#define CORE_TEXT_H

#include <stddef.h>

#include "core/buf.h"

/* Terminal columns of UTF-8 text: one per code point. */
size_t	text_width(const char *);

/* s in exactly w columns: cut with an ellipsis, or padded with spaces. */
void	text_cell(struct buf *, const char *s, size_t w);

/*
 * A value for reading: 2 decimals below 10, 1 below 1000, else none;
 * trailing zeros dropped; "—" for NAN.  With sign, a "+" before a
 * positive value (a change: "+1.5", "−" stays "-").
 */
void	text_num(double v, int sign, char *s, size_t sz);

/* text_num appended to b. */
void	text_put_num(struct buf *, double v, int sign);

/* A unit after a number: "%" sticks to it, any other is spaced. */
void	text_put_unit(struct buf *, const char *unit);

/* A band's bounds with its unit: "85–100%", "≥ 60%", "≤ 4 h" (a NAN
 * bound is an open side). */
void	text_put_band(struct buf *, double low, double high,
	    const char *unit);

#endif /* CORE_TEXT_H */
