/*
 * load.h: build the KPI snapshot from the store.
 *
 * The store is the truth and the snapshot a cache (DESIGN.md): this reads
 * every dataset table once, in one pass each, and hands the rows to
 * snap_add.  Called after an import and whenever a command needs KPIs.
 *
 * Ownership: the snapshot returned is the caller's (snap_free).
 */
#ifndef KPI_LOAD_H
#define KPI_LOAD_H

#include "core/err.h"
#include "kpi/snapshot.h"
#include "store/store.h"

enum err_code	kpi_load(struct store *, struct snap **, struct err *);

#endif /* KPI_LOAD_H */
