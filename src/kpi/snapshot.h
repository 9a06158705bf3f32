/*
 * snapshot.h: the columnar in-memory copy of the support datasets that the
 * KPI engine computes from.
 *
 * The store is the truth, the snapshot a cache: the caller reads every
 * record of the store, hands each to snap_add (any dataset, any order),
 * then calls snap_finish once; after that the snapshot is read-only and
 * kpi_run may use it from any number of threads.  To refresh after an
 * import, build a new one and free the old.
 *
 * Layout (docs/kpis.md has the byte count): struct of arrays, one array a
 * column; instants as uint32 seconds since 1970 (to 2106) with UINT32_MAX
 * for "missing"; durations as uint32 whole seconds (rounded); strings
 * (team, channel, agent, category, priority) as uint16 dictionary codes,
 * code 0 meaning "not given"; flags as bits.  Only what some KPI needs is
 * kept: ids, status text and customer ids are reduced to what the passes
 * read (e.g. the escalation bit, the time of the same customer's next
 * contact after a resolution) and dropped.
 *
 * Ownership: the snapshot owns all its memory, strings included (copied
 * at snap_add); snap_free releases it.
 */
#ifndef KPI_SNAPSHOT_H
#define KPI_SNAPSHOT_H

#include <stddef.h>

#include "core/err.h"
#include "kpi/dataset.h"

struct snap;

/* An empty snapshot; NULL when out of memory. */
struct snap	*snap_new(void);
/*
 * Add one record (already validated by ds_validate); its strings are
 * copied (interned).  ERR_INVAL for an instant outside 1970..2106,
 * ERR_TOOBIG past 65535 distinct values of a dimension, ERR_NOMEM,
 * ERR_INTERNAL after snap_finish.
 */
enum err_code	 snap_add(struct snap *, const struct ds_rec *, struct err *);
/*
 * Derive what the passes need and trim the columns to size: each
 * interaction's next contact from the same customer after its resolution
 * (FCR), each agent's team and hire date (QA tenure, records with no
 * team), then the customer ids are dropped.
 */
enum err_code	 snap_finish(struct snap *, struct err *);
void		 snap_free(struct snap *);
/* Records of a dataset. */
size_t		 snap_rows(const struct snap *, enum ds);
/*
 * Heap bytes of the dataset's columns, plus every dictionary it uses
 * counted whole (dictionaries are shared between datasets, so the sum
 * over datasets counts them more than once: an upper bound).
 */
size_t		 snap_bytes(const struct snap *, enum ds);

#endif /* KPI_SNAPSHOT_H */
