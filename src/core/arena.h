/*
 * arena.h: a region allocator for lifetimes (one per command, per request,
 * per report).  Everything allocated from an arena is freed at once by
 * arena_release(); nothing is freed one by one.
 *
 * Allocation failure is reported by a NULL return and a sticky flag
 * (arena_failed), so a loader can allocate freely and check once.
 *
 * Ownership: the arena owns every block it hands out.
 */
#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;
	int			 failed;
};

#define ARENA_INIT	{ NULL, 0 }

void	*arena_alloc(struct arena *, size_t);		/* zeroed */
/* n * size bytes, zeroed; NULL on overflow or exhaustion. */
void	*arena_calloc(struct arena *, size_t n, size_t size);
/*
 * Return an array with room for at least n + 1 elements: arr itself while
 * n < *cap, else a copy with double the capacity (the old one stays in the
 * arena until it is released).  NULL on exhaustion.  Use through
 * ARENA_PUSH, which also appends.
 */
void	*arena_extend(struct arena *, void *arr, size_t n, size_t *cap,
	    size_t size);
/* Append a zeroed element to arr (n elements, cap capacity); the new
 * element's address, or NULL on exhaustion. */
#define ARENA_PUSH(a, arr, n, cap) \
	(((arr) = arena_extend((a), (arr), (n), &(cap), sizeof(*(arr)))) == \
	    NULL ? NULL : &(arr)[(n)++])
char	*arena_strdup(struct arena *, const char *);	/* NULL stays NULL */
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 arena_failed(const struct arena *);
void	 arena_release(struct arena *);

#endif /* CORE_ARENA_H */
