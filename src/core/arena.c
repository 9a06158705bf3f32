/*
 * arena.c: the region allocator.  See arena.h.
 *
 * Blocks are chained; a request larger than the block size gets a block of
 * its own.  The arenas here hold a command's worth of rows, so simplicity
 * beats the last few percent of memory.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define ARENA_BLOCK	((size_t)32 * 1024)
#define ARENA_ALIGN	((size_t)16)

struct arena_block {
	struct arena_block	*next;
	size_t			 used, size;
	_Alignas(16) unsigned char data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b = a->head;
	size_t			 sz;
	void			*p;

	if (n > SIZE_MAX - ARENA_ALIGN - sizeof(*b)) {
		a->failed = 1;
		return NULL;
	}
	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (b == NULL || b->size - b->used < n) {
		sz = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + sz)) == NULL) {
			a->failed = 1;
			return NULL;
		}
		b->used = 0;
		b->size = sz;
		/* keep a partly used head block in front if it has more room */
		if (a->head != NULL && n > ARENA_BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		a->failed = 1;
		return NULL;
	}
	return arena_alloc(a, n * size);
}

void *
arena_extend(struct arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
	void	*p;
	size_t	 ncap;

	if (arr != NULL && n < *cap)
		return arr;
	ncap = *cap < 8 ? 8 : *cap;
	while (ncap <= n) {
		if (ncap > SIZE_MAX / 2)
			return NULL;
		ncap *= 2;
	}
	if ((p = arena_calloc(a, ncap, size)) == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, arr, n * size);
	*cap = ncap;
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t	 n;
	char	*p;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if ((p = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n + 1);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = arena_alloc(a, (size_t)n + 1)) == NULL) {
		a->failed = 1;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

int
arena_failed(const struct arena *a)
{
	return a->failed;
}

void
arena_release(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->failed = 0;
}
