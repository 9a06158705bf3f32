/*
 * wsfile.h: the workspace file, OKRs as code.
 *
 * A workspace file is one YAML document that defines the workspace
 * settings, teams, people, cycles, objectives and key results (the format
 * is documented in docs/workspace-file.md).  wsfile_apply() makes the
 * workspace match the file: it creates what is missing and updates what
 * differs, through the same okr/ functions and field tables as the CLI, so
 * validation and messages are the same everywhere.  It never deletes.
 * wsfile_export() writes the workspace back in the same format, so
 * export -> apply -> export is a fixed point.
 *
 * Neither begins nor ends a transaction: the caller wraps the call in
 * okr_begin()/okr_commit(), so a file with an error anywhere writes nothing.
 *
 * Ownership: path and in are borrowed; the output buf is the caller's.
 */
#ifndef OKR_WSFILE_H
#define OKR_WSFILE_H

#include <stddef.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"
#include "okr/okr.h"

/* What a workspace file defines, in apply order. */
enum wsfile_kind {
	WSFILE_WORKSPACE,
	WSFILE_TEAM,
	WSFILE_PERSON,
	WSFILE_CYCLE,
	WSFILE_OBJECTIVE,
	WSFILE_KR,
	WSFILE_KIND__MAX
};

/* "workspace", "team", "person", "cycle", "objective", "kr"; NULL-ended. */
extern const char *const wsfile_kind_names[];

/* What one apply did, per kind: every entity in the file is counted once. */
struct wsfile_stats {
	size_t		 created[WSFILE_KIND__MAX];
	size_t		 updated[WSFILE_KIND__MAX];
	size_t		 unchanged[WSFILE_KIND__MAX];
};

/*
 * Apply the workspace file read from in, or opened at path when in is
 * NULL; path names the file in messages ("okr.yaml:12:7: ...").  stats
 * (zeroed here) may be NULL.  Every error in the file is ERR_INVAL with a
 * message "PATH:LINE:COLUMN: WHERE: WHAT", WHERE being like
 * "objectives[2].key_results[0].baseline"; ERR_IO when the file cannot be
 * read.  On error the workspace may be half written: roll back.
 */
enum err_code	wsfile_apply(struct okr *, const char *path, FILE *in,
		    struct wsfile_stats *stats, struct err *);

/* Append the whole workspace as a workspace file to out. */
enum err_code	wsfile_export(struct okr *, struct buf *out, struct err *);

/* Sum the counts of every kind. */
void		wsfile_stats_total(const struct wsfile_stats *,
		    size_t *created, size_t *updated, size_t *unchanged);

#endif /* OKR_WSFILE_H */
