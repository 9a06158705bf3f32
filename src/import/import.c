/*
 * import.c: the import driver: rows in, checked records out, upserted by id.
 *
 * One pass over the file, one record in flight: memory stays flat however
 * big the export is (the store's page cache and the profile's scratch arena,
 * released every batch, are all that grows).  Errors are collected rather
 * than stopping at the first, so a user fixing an export sees every bad row
 * (up to max_report) in one run; but once a row is bad and skip_bad is off,
 * nothing more is written, since the caller will roll back anyway.
 *
 * Good rows go through the store's bulk load (store_load_*): on SQLite the
 * upsert per row, on PostgreSQL one COPY stream.  While it runs nothing
 * else may use the store, so the "before" count comes first and the
 * "after" count and the import log come once the load has ended.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "import/import.h"
#include "import/profile.h"
#include "import/rows.h"
#include "import/zendesk.h"

/* Rows between progress callbacks and scratch-arena releases. */
#define IMPORT_BATCH	8192

static const enum stmt upsert_stmt[DS__MAX] = {
	STMT_DS_INTERACTIONS_UPSERT, STMT_DS_SURVEYS_UPSERT,
	STMT_DS_QA_REVIEWS_UPSERT, STMT_DS_TRAINING_UPSERT,
	STMT_DS_KB_AUDITS_UPSERT, STMT_DS_CUSTOMERS_UPSERT,
	STMT_DS_AGENTS_UPSERT,
};

static const enum stmt count_stmt[DS__MAX] = {
	STMT_DS_INTERACTIONS_COUNT, STMT_DS_SURVEYS_COUNT,
	STMT_DS_QA_REVIEWS_COUNT, STMT_DS_TRAINING_COUNT,
	STMT_DS_KB_AUDITS_COUNT, STMT_DS_CUSTOMERS_COUNT,
	STMT_DS_AGENTS_COUNT,
};

struct run {
	struct store			*st;
	const struct import_opts	*o;
	struct import_stats		*stats;
	FILE				*report;
	const char			*name;	/* the file, for messages */
	enum ds				 ds;	/* the dataset being loaded */
	int				 failing; /* a bad row and no skip */
	int				 loading; /* store_load_begin done */
};

/* The statement parameters of record r, in the order of its upsert (the
 * dataset's fields); returns their number. */
static size_t
rec_vals(const struct ds_rec *r, struct sval *v)
{
	const struct ds_info	*di = &ds_info[r->ds];
	int			 f;

	for (f = 0; f < di->nfields; f++) {
		const struct ds_val *x = &r->v[f];

		memset(&v[f], 0, sizeof(v[f]));
		if (!x->set) {
			v[f].type = SV_NULL;
			continue;
		}
		switch (di->fields[f].type) {
		case DT_TEXT:
			v[f].type = x->s == NULL ? SV_NULL : SV_TEXT;
			v[f].t = x->s;
			break;
		case DT_TIME:
		case DT_INT:
		case DT_BOOL:
			v[f].type = SV_INT;
			v[f].i = x->i;
			break;
		case DT_DUR:
		case DT_NUM:
			v[f].type = SV_REAL;
			v[f].r = x->r;
			break;
		}
	}
	return (size_t)di->nfields;
}

enum err_code
import_store_rec(struct store *st, const struct ds_rec *r, struct err *e)
{
	struct sval	 v[DS_FIELDS_MAX];
	size_t		 n;

	n = rec_vals(r, v);
	return store_exec_vals(st, upsert_stmt[r->ds], v, n, e);
}

/*
 * Start the bulk load of dataset ds: its table and columns are the
 * dataset's name and fields, which are also the upsert's parameters in
 * order (store/sql.c declares each table from kpi/dataset.h).
 */
static enum err_code
load_begin(struct run *r, enum ds ds, struct err *e)
{
	const struct ds_info	*di = &ds_info[ds];
	const char		*cols[DS_FIELDS_MAX];
	int			 f;
	enum err_code		 rc;

	for (f = 0; f < di->nfields; f++)
		cols[f] = di->fields[f].name;
	rc = store_load_begin(r->st, upsert_stmt[ds], di->name, cols,
	    (size_t)di->nfields, e);
	if (rc == ERR_OK)
		r->loading = 1;
	return rc;
}

/* CSV-quote s into f (RFC 4180: quotes doubled when needed). */
static void
report_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* A bad row: report it, count it, and remember to fail unless skipping. */
static enum err_code
bad_row(struct run *r, const char *file, long line, const char *field,
    const char *reason, struct err *e)
{
	char	msg[ERR_MSG_MAX + 256];

	r->stats->bad++;
	if (!r->o->skip_bad)
		r->failing = 1;
	if (field != NULL && field[0] != '\0' &&
	    strncmp(reason, field, strlen(field)) != 0)
		snprintf(msg, sizeof(msg), "%s:%ld: %s: %s", file, line, field,
		    reason);
	else
		snprintf(msg, sizeof(msg), "%s:%ld: %s", file, line, reason);
	if (r->stats->bad <= (uint64_t)r->o->max_report && r->o->bad != NULL)
		r->o->bad(r->o->ctx, msg);
	if (r->report != NULL) {
		fprintf(r->report, "%s,%ld,", file, line);
		report_field(r->report, field != NULL ? field : "");
		fputc(',', r->report);
		report_field(r->report, reason);
		fputc('\n', r->report);
		if (ferror(r->report))
			return err_set(e, ERR_IO, "%s: cannot write the report",
			    r->o->report);
	}
	return ERR_OK;
}

/* Store one good record unless the run is already failing. */
static enum err_code
good_row(struct run *r, const struct ds_rec *rec, struct err *e)
{
	struct sval	 v[DS_FIELDS_MAX];
	size_t		 n;

	if (r->failing)
		return ERR_OK;
	if (rec->ds != r->ds)
		return err_set(e, ERR_INTERNAL, "a %s record in an import of "
		    "%s", ds_info[rec->ds].name, ds_info[r->ds].name);
	r->stats->stored++;
	n = rec_vals(rec, v);
	return store_load_row(r->st, v, n, e);
}

/* The reader's messages start "line N: "; ours say "file:N: " already. */
static const char *
strip_line(const char *msg)
{
	const char	*p = msg;

	if (strncmp(p, "line ", 5) != 0)
		return msg;
	for (p += 5; *p >= '0' && *p <= '9'; p++)
		;
	return p[0] == ':' && p[1] == ' ' ? p + 2 : msg;
}

static int
col_cb(void *ctx, const char *name)
{
	return rows_column(ctx, name);
}

static const char *
val_cb(void *ctx, int col, size_t *len)
{
	return rows_value(ctx, col, len);
}

static enum err_code
import_rows(struct run *r, struct profile *p, struct err *e)
{
	const struct import_opts	*o = r->o;
	struct rows_opts		 ro;
	struct rows			*rows = NULL;
	struct arena			 scratch = ARENA_INIT;
	struct ds_rec			 rec;
	struct err			 re;
	const char			*fmt;
	enum err_code			 rc;
	int				 n;

	memset(&ro, 0, sizeof(ro));
	fmt = o->format != NULL ? o->format : profile_format(p);
	if (fmt == NULL)
		ro.format = ROWS_AUTO;
	else if (strcmp(fmt, "csv") == 0)
		ro.format = ROWS_CSV;
	else if (strcmp(fmt, "json") == 0)
		ro.format = ROWS_JSON;
	else if (strcmp(fmt, "ndjson") == 0)
		ro.format = ROWS_NDJSON;
	else
		return err_setf(e, ERR_INVAL, "format", "format: expected csv, "
		    "json or ndjson, got \"%s\"", fmt);
	ro.delim = o->delim != 0 ? o->delim : profile_delim(p);
	rc = o->data != NULL ? rows_open_mem(o->data, o->datalen, &ro, &rows,
	    e) : rows_open(o->path, &ro, &rows, e);
	if (rc != ERR_OK) {
		err_prefix(e, "%s", r->name);
		return rc;
	}
	if ((rc = profile_bind(p, col_cb, rows, e)) != ERR_OK) {
		err_prefix(e, "%s: profile %s", r->name, profile_name(p));
		goto out;
	}
	r->stats->opened = 1;
	for (;;) {
		memset(&re, 0, sizeof(re));
		if ((n = rows_next(rows, &re)) == 0)
			break;
		if (n < 0) {
			/* a record the reader could not split: a bad row if
			 * the reader can go on, else the end of the import */
			if (rows_failed(rows)) {
				rc = err_set(e, re.code, "%s:%ld: %s", r->name,
				    rows_line(rows), strip_line(re.msg));
				goto out;
			}
			r->stats->rows++;
			if ((rc = bad_row(r, r->name, rows_line(rows), NULL,
			    strip_line(re.msg), e)) != ERR_OK)
				goto out;
			continue;
		}
		r->stats->rows++;
		n = profile_map(p, val_cb, rows, rows_line(rows), &scratch,
		    &rec, &re);
		if (n > 0)
			rc = good_row(r, &rec, e);
		else if (n == 0) {
			r->stats->filtered++;
			rc = ERR_OK;
		} else
			rc = bad_row(r, r->name, rows_line(rows), re.field,
			    re.msg, e);
		if (rc != ERR_OK) {
			err_prefix(e, "%s:%ld", r->name, rows_line(rows));
			goto out;
		}
		if (r->stats->rows % IMPORT_BATCH == 0) {
			arena_release(&scratch);
			if (o->progress != NULL)
				o->progress(o->ctx, r->stats->rows,
				    rows_bytes_read(rows),
				    rows_bytes_total(rows));
		}
	}
	if (o->progress != NULL)
		o->progress(o->ctx, r->stats->rows, rows_bytes_read(rows),
		    rows_bytes_total(rows));
	rc = ERR_OK;
out:
	arena_release(&scratch);
	rows_close(rows);
	return rc;
}

/* zendesk_read callbacks. */
static int
zd_emit(void *ctx, const struct ds_rec *rec, const char *file, long line,
    struct err *e)
{
	struct run	*r = ctx;

	r->stats->rows++;
	if (good_row(r, rec, e) != ERR_OK) {
		err_prefix(e, "%s:%ld", file, line);
		return -1;
	}
	if (r->o->progress != NULL && r->stats->rows % IMPORT_BATCH == 0)
		r->o->progress(r->o->ctx, r->stats->rows, 0, 0);
	return 0;
}

static void
zd_bad(void *ctx, const char *file, long line, const char *field,
    const char *reason)
{
	struct run	*r = ctx;
	struct err	 e;

	r->stats->rows++;
	(void)bad_row(r, file, line, field, reason, &e);
}

enum err_code
import_run(struct store *st, const struct import_opts *o,
    struct import_stats *stats, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct profile	*p = NULL;
	struct run	 r;
	const char	*pname;
	int64_t		 before = 0, after = 0;
	enum err_code	 rc;

	memset(stats, 0, sizeof(*stats));
	memset(&r, 0, sizeof(r));
	r.st = st;
	r.o = o;
	r.stats = stats;
	r.name = strcmp(o->path, "-") == 0 ? "stdin" : o->path;
	pname = o->profile != NULL ? o->profile : profile_default(o->ds);
	if (strchr(pname, '/') != NULL || strstr(pname, ".yaml") != NULL ||
	    strstr(pname, ".yml") != NULL)
		rc = profile_load(&a, pname, &p, e);
	else
		rc = profile_builtin(&a, pname, &p, e);
	if (rc != ERR_OK)
		goto out;
	snprintf(stats->profile, sizeof(stats->profile), "%s",
	    profile_name(p));
	if (profile_dataset(p) != o->ds &&
	    !(profile_reader(p) != NULL && o->ds == DS_AGENTS)) {
		rc = err_setf(e, ERR_INVAL, "profile", "profile \"%s\" imports "
		    "%s, not %s", profile_name(p),
		    ds_info[profile_dataset(p)].name, ds_info[o->ds].name);
		goto out;
	}
	if (o->skip_bad && o->report != NULL &&
	    (r.report = fopen(o->report, "w")) == NULL) {
		rc = err_set(e, ERR_IO, "%s: %s", o->report, strerror(errno));
		goto out;
	}
	if (r.report != NULL)
		fputs("file,line,field,reason\n", r.report);
	if ((rc = store_int(st, count_stmt[o->ds], &before, e, "")) != ERR_OK)
		goto out;
	if (profile_reader(p) != NULL && o->data != NULL) {
		rc = err_setf(e, ERR_INVAL, "profile", "profile \"%s\" reads "
		    "an export directory, not one uploaded file",
		    profile_name(p));
		goto out;
	}
	if (profile_reader(p) != NULL &&
	    strcmp(profile_reader(p), "zendesk") != 0) {
		rc = err_set(e, ERR_INTERNAL, "profile %s: no reader \"%s\"",
		    profile_name(p), profile_reader(p));
		goto out;
	}
	/* every good row goes through one bulk load (COPY on PostgreSQL);
	 * nothing else may run on the store until it ends */
	r.ds = o->ds;
	if ((rc = load_begin(&r, o->ds, e)) != ERR_OK)
		goto out;
	if (profile_reader(p) != NULL) {
		stats->opened = 1;
		rc = zendesk_read(o->path, o->ds, zd_emit, zd_bad, &r, &a, e);
	} else
		rc = import_rows(&r, p, e);
	if (rc != ERR_OK)
		goto out;
	if (r.failing) {
		rc = err_set(e, ERR_INVAL, "%s: %llu bad row%s; nothing was "
		    "imported (fix them, or give --skip-bad to import the "
		    "good rows and list the bad ones in a report)", r.name,
		    (unsigned long long)stats->bad, stats->bad == 1 ? "" : "s");
		goto out;
	}
	r.loading = 0;
	if ((rc = store_load_end(st, e)) != ERR_OK)
		goto out;
	/* counted, not assumed from stored: a file may repeat an id */
	if ((rc = store_int(st, count_stmt[o->ds], &after, e, "")) != ERR_OK)
		goto out;
	stats->added = (uint64_t)(after - before);
	rc = store_exec(st, STMT_IMPORT_LOG_INSERT, e, "ittttiii", o->now,
	    o->actor != NULL ? o->actor : "okrdesk", ds_info[o->ds].name,
	    r.name, profile_name(p), (int64_t)stats->stored,
	    (int64_t)stats->added, (int64_t)stats->bad);
out:
	if (r.loading)
		store_load_abort(st);
	if (r.report != NULL && fclose(r.report) != 0 && rc == ERR_OK)
		rc = err_set(e, ERR_IO, "%s: cannot write the report",
		    o->report);
	arena_release(&a);
	return rc;
}
