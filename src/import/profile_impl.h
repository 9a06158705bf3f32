/*
 * profile_impl.h: the inside of a struct profile, shared by the YAML
 * reader (profile_yaml.c, which builds it) and the mapper (profile.c,
 * which binds and applies it).  Private to import/profile*.c.
 *
 * Ownership: everything hangs off the arena the profile was parsed into.
 */
#ifndef IMPORT_PROFILE_IMPL_H
#define IMPORT_PROFILE_IMPL_H

#include <stddef.h>

#include "import/convert.h"
#include "import/profile.h"

/* A condition on a column (where:, when:). */
enum pcond_op {
	PC_PRESENT,		/* present: true / false */
	PC_EQUALS,
	PC_IN,
	PC_NOT_IN,
	PC_GT,			/* greater-than: a number */
	PC_LT,			/* less-than: a number */
	PC_ANY,			/* any: [conditions], one must hold */
	PC__MAX
};

struct pcond {
	enum pcond_op	 op;
	int		 col;		/* index in profile.colnames */
	int		 present;	/* PC_PRESENT: 1 present, 0 missing */
	const char	**vals;		/* PC_EQUALS (one), PC_IN, PC_NOT_IN */
	size_t		*lens;
	int		 nvals;
	double		 num;		/* PC_GT, PC_LT */
	struct pcond	*any;		/* PC_ANY */
	int		 nany;
};

/* A typed value (a map entry, a constant, a default): null or a value. */
struct pval {
	int		 null;
	struct ds_val	 v;
};

struct pmap {
	const char	*key;
	size_t		 klen;
	struct pval	 val;
};

enum psrc { PS_COLUMN, PS_VALUE, PS_LINE };

struct pfield {
	int		 f;		/* the dataset field */
	const char	*name;		/* its name */
	enum dt		 type;
	enum psrc	 src;
	int		*cols;		/* indices in profile.colnames */
	int		 ncols;		/* > 1: joined with a space */
	struct pval	 constant;	/* PS_VALUE */
	const char	*prefix;	/* text fields, or NULL */
	size_t		 prefixlen;
	enum conv_unit	 unit;		/* DUR, and TIME with from */
	int		 from;		/* TIME: dataset field added to, or -1 */
	struct conv_fmt	*fmts;		/* TIME without from */
	int		 nfmts;
	struct pmap	*map;
	int		 nmap;
	int		 has_default;	/* a present value not in map */
	struct pval	 def;
	const char	**missing;	/* this field's own markers */
	size_t		*missinglen;
	int		 nmissing;
	struct pcond	*when;		/* all must hold */
	int		 nwhen;
	int		 optional;	/* its columns may be absent */
	int		 absent;	/* bound: an optional column is absent */
};

struct profile {
	const char	*name;
	const char	*description;
	const char	*origin;
	const char	*reader;
	const char	*format;
	int		 delim;
	enum ds		 ds;
	const char	*tzspec;
	struct conv_tz	 tz;
	const char	**missing;	/* global markers besides "" */
	size_t		*missinglen;
	int		 nmissing;
	struct pcond	*where;
	int		 nwhere;
	struct pfield	*fields;	/* those without from first */
	int		 nfields;
	const char	**colnames;	/* distinct columns used */
	int		*colidx;	/* bound: index in the file, or -1 */
	int		 ncols;
	size_t		 colcap, idxcap;
	int		 bound;
};

/* Index of column name in p->colnames, adding it; -1 on exhaustion. */
int		profile_colref(struct profile *, struct arena *,
		    const char *name);

#endif /* IMPORT_PROFILE_IMPL_H */
