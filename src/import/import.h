/*
 * import.h: bring one export file into the store, whole or not at all.
 *
 * The driver reads rows (import/rows), maps each through a profile
 * (import/profile) onto a dataset record, checks it (kpi/dataset), and
 * upserts it by its source id, so importing the same file twice, or an
 * export that overlaps an earlier one, duplicates nothing.  The caller owns
 * the transaction (the CLI runs every writing command in one): a failed
 * import returns an error and the caller rolls back.
 *
 * Bad rows are reported as "file:line: field: reason", the first
 * max_report of them through the report callback, then only counted.  By
 * default one bad row fails the import; with skip_bad the good rows land
 * and each skipped row is written to a CSV report (line, field, reason).
 *
 * Ownership: options and paths are borrowed for the call.
 */
#ifndef IMPORT_IMPORT_H
#define IMPORT_IMPORT_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "kpi/dataset.h"
#include "store/store.h"

struct import_opts {
	enum ds		 ds;
	const char	*path;		/* the export ("-" for stdin), or the
					   name of data in messages */
	const char	*data;		/* not NULL: the export is these bytes
					   (an upload), read in place */
	size_t		 datalen;
	const char	*profile;	/* a built-in name or a YAML file; NULL:
					   the dataset's native profile */
	int		 skip_bad;	/* import the good rows, report the rest */
	const char	*report;	/* skipped rows go here (skip_bad) */
	int		 max_report;	/* bad rows printed before only counting */
	int		 delim;		/* force a CSV delimiter (0: profile's
					   or detected) */
	const char	*format;	/* force csv, json or ndjson */
	const char	*actor;		/* for the import log */
	int64_t		 now;
	/* Called for each of the first max_report bad rows. */
	void		(*bad)(void *ctx, const char *msg);
	/* Called now and then with bytes read and the total (0: unknown). */
	void		(*progress)(void *ctx, uint64_t rows, uint64_t done,
			    uint64_t total);
	void		*ctx;
};

struct import_stats {
	uint64_t	 rows;		/* records read */
	uint64_t	 stored;	/* records written (new or updated) */
	uint64_t	 added;		/* of those, new */
	uint64_t	 filtered;	/* left out by the profile's filters */
	uint64_t	 bad;		/* bad rows (skipped, or failing) */
	char		 profile[128];	/* the profile used */
	int		 opened;	/* the file was open and its columns
					   matched: a failure after this is in
					   the data, not the command line */
};

enum err_code	import_run(struct store *, const struct import_opts *,
		    struct import_stats *, struct err *);

/* Write one record to its dataset's table (insert or update by id). */
enum err_code	import_store_rec(struct store *, const struct ds_rec *,
		    struct err *);

#endif /* IMPORT_IMPORT_H */
