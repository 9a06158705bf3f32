/*
 * snap_int.h: the inside of struct snap, for the snapshot and the KPI
 * passes only (kpi/snapshot.c, kpi/kpi*.c).  Nothing outside kpi/ may
 * include it: the layout changes whenever a KPI needs a new column.
 *
 * Ownership: every array belongs to the snapshot.
 */
#ifndef KPI_SNAP_INT_H
#define KPI_SNAP_INT_H

#include <stdint.h>

#include "kpi/snapshot.h"

#define SNAP_NONE	UINT32_MAX	/* a missing instant or duration */
#define SNAP_DIM_MAX	65535		/* codes a uint16 dimension holds */

/* Dictionary-encoded dimensions; code 0 of each is "not given". */
enum snap_dim {
	DIM_TEAM,
	DIM_CHANNEL,
	DIM_AGENT,
	DIM_CATEGORY,
	DIM_PRIORITY,
	DIM_CUSTOMER,		/* only until snap_finish */
	DIM__MAX
};

struct dict {
	char		*pool;		/* the strings, NUL-terminated */
	size_t		 plen, pcap;
	uint32_t	*off;		/* code -> offset in pool */
	uint32_t	 n, ocap;	/* codes in use, code 0 included */
	uint32_t	*slot;		/* open addressing: code, 0 = empty */
	uint32_t	 nslot;		/* a power of two */
	uint32_t	 max;		/* highest code allowed */
};

/* Interaction flags. */
#define IXF_EXCLUDED	0x0001	/* spam, deleted, merged */
#define IXF_ESCALATED	0x0002	/* the flag, or status "escalated" */
#define IXF_ANSWERED	0x0004	/* answered by an agent */
#define IXF_ABANDONED	0x0008	/* abandoned in the queue */
#define IXF_HANDLED	0x0010	/* answered, or no answered flag and a
				 * handle time */
#define IXF_REOPENED	0x0020	/* reopen_count >= 1 */
#define IXF_SLA1_SET	0x0040	/* first-reply SLA known */
#define IXF_SLA1_MET	0x0080
#define IXF_SLA2_SET	0x0100	/* resolution SLA known */
#define IXF_SLA2_MET	0x0200
#define IXF_RES_SET	0x0400	/* an explicit "resolved" flag */
#define IXF_RES_YES	0x0800
#define IXF_ESC_KNOWN	0x1000	/* the data says whether it escalated:
				   a flag or a status */
#define IXF_REOPEN_KNOWN 0x2000	/* reopen_count given */
#define IXF_CONTACT	0x4000	/* a call or chat session (answered or
				   abandoned given): over when it ends,
				   never part of a backlog */

#define IX_REPLIES_NONE	255	/* agent_replies not given */

/* Survey classes, decided once at snap_add from the score and scale. */
#define SVC_RESPONDED	0x01	/* has a score */
#define SVC_SAT		0x02	/* csat: satisfied (top two of >= 4 points,
				 * else the top point) */
#define SVC_PROMOTER	0x04	/* nps: 9-10 */
#define SVC_DETRACTOR	0x08	/* nps: 0-6 */
#define SVC_EASY	0x10	/* ces: >= 5 */

enum sv_kind { SVK_CSAT, SVK_NPS, SVK_CES };

struct snap {
	struct dict	 dict[DIM__MAX];
	size_t		 n[DS__MAX], cap[DS__MAX];
	uint32_t	 tmin[DS__MAX], tmax[DS__MAX];	/* any time column */
	int		 finished;

	struct {
		uint32_t	*created, *first_reply;
		uint32_t	*solve1;	/* first solve (else final) */
		uint32_t	*solve2;	/* final solve (else first) */
		uint32_t	*sla_due;	/* only when no SLA flag */
		uint32_t	*next_contact;	/* same customer, after solve1 */
		uint32_t	*queued, *handle;	/* seconds */
		uint16_t	*team, *channel, *agent, *category, *priority;
		uint16_t	*flags;
		uint8_t		*replies;	/* agent replies, 254 = 254+ */
		uint32_t	*customer;	/* until snap_finish */
	} ix;
	struct {
		uint32_t	*sent, *responded;	/* responded: else sent */
		double		*score;
		uint8_t		*kind, *cls;
		uint16_t	*team, *agent, *channel;
	} sv;
	struct {
		uint32_t	*reviewed;
		double		*score;		/* 0 when a critical failed */
		uint16_t	*agent, *team;
	} qa;
	struct {
		uint32_t	*date;
		double		*hours;
		uint16_t	*agent, *team;
	} tr;
	struct {
		uint32_t	*audited;
		uint8_t		*accurate;
		uint16_t	*team;
	} kb;
	struct {
		uint32_t	*started, *churned;	/* churned: its date */
		uint8_t		*churn;		/* churned, dated or not */
		uint16_t	*team;
	} cu;
	struct {
		uint16_t	*agent, *team;
		uint32_t	*hired;
	} ag;
	/* By agent code, after snap_finish (from the agents dataset). */
	uint32_t	*agent_hired;
	uint16_t	*agent_team;
};

/* The name of a code ("" for code 0). */
const char	*snap_dim_name(const struct snap *, enum snap_dim, uint32_t);
/* The code of name; 0 when absent. */
uint32_t	 snap_dim_find(const struct snap *, enum snap_dim,
		    const char *name);
/* Codes in use in a dimension, code 0 included. */
uint32_t	 snap_dim_count(const struct snap *, enum snap_dim);
/* Whether records of dataset ds carry dimension d (qa_reviews have no
 * channel). */
int		 snap_dim_has(enum ds, enum snap_dim);
/* The column of dimension d in dataset ds; NULL if the dataset has none,
 * or no rows yet. */
const uint16_t	*snap_dim_col(const struct snap *, enum ds, enum snap_dim);

#endif /* KPI_SNAP_INT_H */
