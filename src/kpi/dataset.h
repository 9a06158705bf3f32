/*
 * dataset.h: the support datasets okrdesk imports, field by field.
 *
 * KPIS.md names seven datasets (interactions, surveys, qa_reviews,
 * training, kb_audits, customers, agents).  Each is declared once here, as
 * an X-macro list of its fields with a type; the importer maps an export's
 * columns onto these fields (import/profile), the store keeps one table a
 * dataset with one column a field (store/sql.c), and the KPI engine builds
 * its snapshot from them (kpi/snapshot).  One record travels between the
 * layers as a struct ds_rec.
 *
 * Types and units:
 *   DT_TEXT  a string (ids, names, dictionary values such as channel)
 *   DT_TIME  an instant, int64 seconds UTC
 *   DT_DUR   a duration in seconds, a double >= 0
 *   DT_INT   a count, int64 >= 0
 *   DT_NUM   a number, a double (scores, hours)
 *   DT_BOOL  0 or 1
 * Every field may be missing (not set), which is not the same as 0.
 *
 * Ownership: a struct ds_rec does not own its strings; whoever fills it
 * keeps them alive until the record is stored.
 */
#ifndef KPI_DATASET_H
#define KPI_DATASET_H

#include <stdint.h>

#include "core/err.h"

enum dt { DT_TEXT, DT_TIME, DT_DUR, DT_INT, DT_NUM, DT_BOOL };

/*      prefix, NAME,     "name",            type, required */
#define DS_INTERACTIONS_FIELDS(X) \
	X(IX, ID,		"id",			TEXT, 1) \
	X(IX, CHANNEL,		"channel",		TEXT, 0) \
	X(IX, TEAM,		"team",			TEXT, 0) \
	X(IX, AGENT,		"agent",		TEXT, 0) \
	X(IX, CUSTOMER,		"customer",		TEXT, 0) \
	X(IX, CATEGORY,		"category",		TEXT, 0) \
	X(IX, PRIORITY,		"priority",		TEXT, 0) \
	X(IX, STATUS,		"status",		TEXT, 0) \
	X(IX, CREATED_AT,	"created_at",		TIME, 0) \
	X(IX, FIRST_REPLY_AT,	"first_reply_at",	TIME, 0) \
	X(IX, SOLVED_AT,	"solved_at",		TIME, 0) \
	X(IX, RESOLVED_AT,	"resolved_at",		TIME, 0) \
	X(IX, CLOSED_AT,	"closed_at",		TIME, 0) \
	X(IX, SLA_DUE_AT,	"sla_due_at",		TIME, 0) \
	X(IX, REOPEN_COUNT,	"reopen_count",		INT,  0) \
	X(IX, AGENT_REPLIES,	"agent_replies",	INT,  0) \
	X(IX, ESCALATED,	"escalated",		BOOL, 0) \
	X(IX, SLA_FIRST_MET,	"sla_first_reply_met",	BOOL, 0) \
	X(IX, SLA_RES_MET,	"sla_resolution_met",	BOOL, 0) \
	X(IX, RESOLVED,		"resolved",		BOOL, 0) \
	X(IX, ANSWERED,		"answered",		BOOL, 0) \
	X(IX, ABANDONED,	"abandoned",		BOOL, 0) \
	X(IX, QUEUED_S,		"queued_s",		DUR,  0) \
	X(IX, TALK_S,		"talk_s",		DUR,  0) \
	X(IX, HOLD_S,		"hold_s",		DUR,  0) \
	X(IX, WRAP_S,		"wrap_s",		DUR,  0) \
	X(IX, EXCLUDED,		"excluded",		BOOL, 0)

#define DS_SURVEYS_FIELDS(X) \
	X(SV, ID,		"id",			TEXT, 1) \
	X(SV, INTERACTION_ID,	"interaction_id",	TEXT, 0) \
	X(SV, KIND,		"kind",			TEXT, 1) \
	X(SV, SCALE_MIN,	"scale_min",		NUM,  1) \
	X(SV, SCALE_MAX,	"scale_max",		NUM,  1) \
	X(SV, SCORE,		"score",		NUM,  0) \
	X(SV, SENT_AT,		"sent_at",		TIME, 0) \
	X(SV, RESPONDED_AT,	"responded_at",		TIME, 0) \
	X(SV, AGENT,		"agent",		TEXT, 0) \
	X(SV, TEAM,		"team",			TEXT, 0) \
	X(SV, CHANNEL,		"channel",		TEXT, 0)

#define DS_QA_REVIEWS_FIELDS(X) \
	X(QA, ID,		"id",			TEXT, 1) \
	X(QA, INTERACTION_ID,	"interaction_id",	TEXT, 0) \
	X(QA, AGENT,		"agent",		TEXT, 0) \
	X(QA, TEAM,		"team",			TEXT, 0) \
	X(QA, REVIEWER,		"reviewer",		TEXT, 0) \
	X(QA, REVIEWED_AT,	"reviewed_at",		TIME, 1) \
	X(QA, SCORE,		"score",		NUM,  1) \
	X(QA, CRITICAL_FAILED,	"critical_failed",	BOOL, 0)

#define DS_TRAINING_FIELDS(X) \
	X(TR, ID,		"id",			TEXT, 1) \
	X(TR, AGENT,		"agent",		TEXT, 1) \
	X(TR, TEAM,		"team",			TEXT, 0) \
	X(TR, DATE,		"date",			TIME, 1) \
	X(TR, HOURS,		"hours",		NUM,  1) \
	X(TR, COURSE,		"course",		TEXT, 0)

#define DS_KB_AUDITS_FIELDS(X) \
	X(KB, ID,		"id",			TEXT, 1) \
	X(KB, ARTICLE,		"article",		TEXT, 0) \
	X(KB, TEAM,		"team",			TEXT, 0) \
	X(KB, AUDITED_AT,	"audited_at",		TIME, 1) \
	X(KB, ACCURATE,		"accurate",		BOOL, 1) \
	X(KB, VIEWS,		"views",		INT,  0)

#define DS_CUSTOMERS_FIELDS(X) \
	X(CU, ID,		"id",			TEXT, 1) \
	X(CU, STARTED_AT,	"started_at",		TIME, 0) \
	X(CU, CHURNED_AT,	"churned_at",		TIME, 0) \
	X(CU, CHURNED,		"churned",		BOOL, 0) \
	X(CU, TEAM,		"team",			TEXT, 0)

#define DS_AGENTS_FIELDS(X) \
	X(AG, ID,		"id",			TEXT, 1) \
	X(AG, NAME,		"name",			TEXT, 0) \
	X(AG, TEAM,		"team",			TEXT, 0) \
	X(AG, ROLE,		"role",			TEXT, 0) \
	X(AG, HIRED_AT,		"hired_at",		TIME, 0)

/*      NAME,         "name",        fields list */
#define DS_LIST(X) \
	X(INTERACTIONS,	"interactions",	DS_INTERACTIONS_FIELDS) \
	X(SURVEYS,	"surveys",	DS_SURVEYS_FIELDS) \
	X(QA_REVIEWS,	"qa_reviews",	DS_QA_REVIEWS_FIELDS) \
	X(TRAINING,	"training",	DS_TRAINING_FIELDS) \
	X(KB_AUDITS,	"kb_audits",	DS_KB_AUDITS_FIELDS) \
	X(CUSTOMERS,	"customers",	DS_CUSTOMERS_FIELDS) \
	X(AGENTS,	"agents",	DS_AGENTS_FIELDS)

enum ds {
#define X(n, s, f) DS_##n,
	DS_LIST(X)
#undef X
	DS__MAX
};

/* Field indices, one enum a dataset: IX_ID, IX_CHANNEL, ..., IX__MAX. */
#define DS_FIELD_ENUM(p, n, s, t, r) p##_##n,
enum ix_field { DS_INTERACTIONS_FIELDS(DS_FIELD_ENUM) IX__MAX };
enum sv_field { DS_SURVEYS_FIELDS(DS_FIELD_ENUM) SV__MAX };
enum qa_field { DS_QA_REVIEWS_FIELDS(DS_FIELD_ENUM) QA__MAX };
enum tr_field { DS_TRAINING_FIELDS(DS_FIELD_ENUM) TR__MAX };
enum kb_field { DS_KB_AUDITS_FIELDS(DS_FIELD_ENUM) KB__MAX };
enum cu_field { DS_CUSTOMERS_FIELDS(DS_FIELD_ENUM) CU__MAX };
enum ag_field { DS_AGENTS_FIELDS(DS_FIELD_ENUM) AG__MAX };
#undef DS_FIELD_ENUM

#define DS_FIELDS_MAX	32

struct ds_field {
	const char	*name;
	enum dt		 type;
	int		 required;
};

struct ds_info {
	const char		*name;		/* "interactions" */
	const struct ds_field	*fields;
	int			 nfields;
};

extern const struct ds_info ds_info[DS__MAX];

/* The dataset called name; -1 if none. */
int		ds_find(const char *name);
/* The field of dataset ds called name; -1 if none. */
int		ds_field_find(enum ds, const char *name);
const char	*dt_name(enum dt);

/* One value: set or missing.  i holds TIME, INT and BOOL; r holds DUR
 * and NUM; s holds TEXT. */
struct ds_val {
	int		 set;
	int64_t		 i;
	double		 r;
	const char	*s;
};

struct ds_rec {
	enum ds		ds;
	struct ds_val	v[DS_FIELDS_MAX];
};

void	ds_rec_clear(struct ds_rec *, enum ds);
void	ds_set_text(struct ds_rec *, int f, const char *);
void	ds_set_int(struct ds_rec *, int f, int64_t);	/* TIME, INT, BOOL */
void	ds_set_real(struct ds_rec *, int f, double);	/* DUR, NUM */

/*
 * Check a record against the rules every source must meet, whatever its
 * profile: required fields set, durations and counts not negative, a reply
 * or a resolution not before creation, a survey score inside its scale, a
 * QA score within 0..100, training hours not negative.  On failure, sets
 * e->field to the field at fault and a reason, and returns ERR_INVAL.
 */
enum err_code	ds_validate(const struct ds_rec *, struct err *e);

#endif /* KPI_DATASET_H */
