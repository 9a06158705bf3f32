/*
 * load.c: the store's dataset tables into a snapshot, row by row.
 */
#include <math.h>
#include <string.h>

#include "kpi/load.h"

static const enum stmt scan_stmt[DS__MAX] = {
	STMT_DS_INTERACTIONS_SCAN, STMT_DS_SURVEYS_SCAN,
	STMT_DS_QA_REVIEWS_SCAN, STMT_DS_TRAINING_SCAN,
	STMT_DS_KB_AUDITS_SCAN, STMT_DS_CUSTOMERS_SCAN,
	STMT_DS_AGENTS_SCAN,
};

/* One row of scan_stmt[d] into rec; column f is field f. */
static void
load_row(struct store_q *q, enum ds d, struct ds_rec *rec)
{
	const struct ds_info	*di = &ds_info[d];
	int			 f;

	ds_rec_clear(rec, d);
	for (f = 0; f < di->nfields; f++) {
		if (store_q_null(q, f))
			continue;
		switch (di->fields[f].type) {
		case DT_TEXT:
			ds_set_text(rec, f, store_q_text(q, f));
			break;
		case DT_TIME:
		case DT_INT:
		case DT_BOOL:
			ds_set_int(rec, f, store_q_int(q, f));
			break;
		case DT_DUR:
		case DT_NUM:
			ds_set_real(rec, f, store_q_real(q, f));
			break;
		}
	}
}

enum err_code
kpi_load(struct store *st, struct snap **out, struct err *e)
{
	struct snap	*s;
	struct store_q	*q;
	struct ds_rec	 rec;
	enum err_code	 rc = ERR_OK;
	int		 d, r;

	*out = NULL;
	if ((s = snap_new()) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory building the KPI "
		    "snapshot");
	for (d = 0; d < DS__MAX && rc == ERR_OK; d++) {
		if ((rc = store_q_open(st, scan_stmt[d], &q, e, "")) != ERR_OK)
			break;
		while ((r = store_q_next(q, e)) == 1) {
			load_row(q, (enum ds)d, &rec);
			if ((rc = snap_add(s, &rec, e)) != ERR_OK)
				break;
		}
		if (r < 0)
			rc = e != NULL ? e->code : ERR_STORE;
		store_q_close(q);
	}
	if (rc == ERR_OK)
		rc = snap_finish(s, e);
	if (rc != ERR_OK) {
		snap_free(s);
		return rc;
	}
	*out = s;
	return ERR_OK;
}
