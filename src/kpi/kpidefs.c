/*
 * kpidefs.c: the built-in KPI definitions (KPIS.md), one row a KPI, and
 * how the engine computes each (kpi_impl).  Both tables are indexed by
 * enum kpi_id, so kpi_defs[KPI_NPS] is the NPS row; kpi_defs ends with a
 * NULL key for callers that walk it.
 */
#include <stddef.h>
#include <string.h>

#include "kpi/kpi_int.h"

#define IX	DS_INTERACTIONS

const struct kpi_def kpi_defs[KPI__MAX + 1] = {
	[KPI_VOLUME] = { "volume", "Volume", IX, "created_at", KU_COUNT,
	    KD_NONE, "Count of interactions created in the period; n is the "
	    "count." },
	[KPI_FRT_AVG] = { "frt_avg", "First response time, mean", IX,
	    "first_reply_at", KU_SECONDS, KD_LOWER, "Sum of (first public "
	    "agent reply - created) over interactions first replied to in "
	    "the period, divided by their count (n); unanswered ones are "
	    "left out." },
	[KPI_FRT_MEDIAN] = { "frt_median", "First response time, median",
	    IX, "first_reply_at", KU_SECONDS, KD_LOWER, "Median of (first "
	    "public agent reply - created) over interactions first replied "
	    "to in the period (n); unanswered ones are left out." },
	[KPI_FRT_P90] = { "frt_p90", "First response time, 90th percentile",
	    IX, "first_reply_at", KU_SECONDS, KD_LOWER, "90th percentile of "
	    "(first public agent reply - created) over interactions first "
	    "replied to in the period (n)." },
	[KPI_FRT_WITHIN] = { "frt_within", "First replies within target",
	    IX, "first_reply_at", KU_RATIO, KD_HIGHER, "First replies "
	    "within T of creation (default 1 h) divided by first replies in "
	    "the period (n)." },
	[KPI_RES_MEDIAN] = { "resolution_median", "Resolution time, median",
	    IX, "resolved_at", KU_SECONDS, KD_LOWER, "Median of (resolved - "
	    "created) over interactions resolved in the period (n); first "
	    "solve, or the last with the final option." },
	[KPI_RES_P90] = { "resolution_p90",
	    "Resolution time, 90th percentile", IX, "resolved_at",
	    KU_SECONDS, KD_LOWER, "90th percentile of (resolved - created) "
	    "over interactions resolved in the period (n)." },
	[KPI_BACKLOG] = { "backlog", "Backlog", IX, "created_at", KU_COUNT,
	    KD_LOWER, "Interactions open at the end of the period: created "
	    "before it and not resolved before it (n)." },
	[KPI_UNANSWERED] = { "unanswered", "Unanswered", IX, "created_at",
	    KU_COUNT, KD_LOWER, "Open interactions with no first reply at "
	    "the end of the period (n)." },
	[KPI_SLA] = { "sla_compliance", "SLA compliance", IX, "created_at",
	    KU_RATIO, KD_HIGHER, "Met SLA targets divided by met + breached "
	    "(n), first reply and resolution targets of interactions created "
	    "in the period; running targets not yet due are left out, "
	    "running past due count as breached." },
	[KPI_REOPEN] = { "reopen_rate", "Reopen rate", IX, "resolved_at",
	    KU_RATIO, KD_LOWER, "Resolved interactions reopened at least "
	    "once divided by resolved interactions (n)." },
	[KPI_ESCALATION] = { "escalation_rate", "Escalation rate", IX,
	    "created_at", KU_RATIO, KD_LOWER, "Escalated interactions "
	    "(flag or status Escalated) divided by interactions (n)." },
	[KPI_FCR] = { "fcr_rate", "First contact resolution", IX,
	    "resolved_at", KU_RATIO, KD_HIGHER, "Resolved on first contact "
	    "(at most K agent replies, never reopened, no new contact from "
	    "the customer within N days; or the explicit resolved flag) "
	    "divided by resolved (n)." },
	[KPI_AHT] = { "aht", "Average handle time", IX, "created_at",
	    KU_SECONDS, KD_LOWER, "Sum of talk + hold + wrap over handled "
	    "contacts divided by handled contacts (n)." },
	[KPI_ASA] = { "asa", "Average speed of answer", IX, "created_at",
	    KU_SECONDS, KD_LOWER, "Sum of queue time of answered contacts "
	    "divided by answered contacts (n)." },
	[KPI_ABANDON] = { "abandon_rate", "Abandon rate", IX, "created_at",
	    KU_RATIO, KD_LOWER, "Contacts abandoned in queue divided by "
	    "contacts that entered the queue (n); IVR hang-ups are not "
	    "abandons; abandons under the short-abandon threshold (5 s) are "
	    "left out of both." },
	[KPI_SERVICE_LEVEL] = { "service_level", "Service level", IX,
	    "created_at", KU_RATIO, KD_HIGHER, "Contacts answered within T "
	    "(20 s) divided by answered + abandoned - short abandons (n)." },
	[KPI_CSAT] = { "csat", "CSAT", DS_SURVEYS, "responded_at", KU_RATIO,
	    KD_HIGHER, "Satisfied responses (4-5 of 5, the top of a 3-point "
	    "or good/bad scale) divided by CSAT responses (n)." },
	[KPI_CSAT_AVG] = { "csat_avg", "CSAT, mean score", DS_SURVEYS,
	    "responded_at", KU_SCORE, KD_HIGHER, "Sum of CSAT scores divided "
	    "by CSAT responses (n)." },
	[KPI_NPS] = { "nps", "Net Promoter Score", DS_SURVEYS,
	    "responded_at", KU_NPS, KD_HIGHER, "100 x (promoters 9-10 - "
	    "detractors 0-6) divided by NPS responses, passives included "
	    "(n)." },
	[KPI_CES] = { "ces", "Customer effort score", DS_SURVEYS,
	    "responded_at", KU_RATIO, KD_HIGHER, "CES responses of 5 or "
	    "more on the 7-point scale divided by CES responses (n); the "
	    "mean score as an option." },
	[KPI_RESPONSE_RATE] = { "survey_response_rate",
	    "Survey response rate", DS_SURVEYS, "sent_at", KU_RATIO,
	    KD_HIGHER, "Surveys sent in the period that were answered "
	    "divided by surveys sent in the period (n)." },
	[KPI_QA_SCORE] = { "qa_score", "QA score", DS_QA_REVIEWS,
	    "reviewed_at", KU_SCORE, KD_HIGHER, "Sum of QA review scores "
	    "(0 when a critical category failed) divided by reviews (n)." },
	[KPI_QA_PASSING] = { "qa_agents_passing", "Agents passing QA",
	    DS_QA_REVIEWS, "reviewed_at", KU_RATIO, KD_HIGHER, "Agents "
	    "whose mean QA score in the period is at least the threshold "
	    "(80) divided by agents reviewed (n); optionally only agents "
	    "with N days of tenure." },
	[KPI_TRAINING_HOURS] = { "training_hours", "Training hours per agent",
	    DS_TRAINING, "date", KU_HOURS, KD_HIGHER, "Training hours in the "
	    "period divided by active agents (n): agents with an interaction "
	    "or a training record in the period." },
	[KPI_TRAINING_COMPLETION] = { "training_completion",
	    "Training completion", DS_TRAINING, "date", KU_RATIO, KD_HIGHER,
	    "Active agents with at least H training hours in the period "
	    "(20) divided by active agents (n)." },
	[KPI_KB_ACCURACY] = { "kb_accuracy", "Knowledge base accuracy",
	    DS_KB_AUDITS, "audited_at", KU_RATIO, KD_HIGHER, "Accurate "
	    "audits divided by audits (n)." },
	[KPI_CHURN] = { "churn_rate", "Churn rate", DS_CUSTOMERS,
	    "churned_at", KU_RATIO, KD_LOWER, "Customers active at the "
	    "start of the period who churned in it divided by customers "
	    "active at its start (n)." },
	[KPI__MAX] = { NULL, NULL, 0, NULL, 0, 0, NULL },
};

const struct kpi_impl kpi_impl[KPI__MAX] = {
	[KPI_VOLUME] =		{ SH_COUNT, 0, 0, 0 },
	[KPI_FRT_AVG] =		{ SH_MEAN, 0, 0, 1 },
	[KPI_FRT_MEDIAN] =	{ SH_PCT, 0.5, 0, 1 },
	[KPI_FRT_P90] =		{ SH_PCT, 0.9, 0, 1 },
	[KPI_FRT_WITHIN] =	{ SH_RATIO, 0, 0, 1 },
	[KPI_RES_MEDIAN] =	{ SH_PCT, 0.5, 0, 1 },
	[KPI_RES_P90] =		{ SH_PCT, 0.9, 0, 1 },
	[KPI_BACKLOG] =		{ SH_SNAPSHOT, 0, 0, 0 },
	[KPI_UNANSWERED] =	{ SH_SNAPSHOT, 0, 0, 0 },
	[KPI_SLA] =		{ SH_RATIO, 0, 0, 0 },
	[KPI_REOPEN] =		{ SH_RATIO, 0, 0, 0 },
	[KPI_ESCALATION] =	{ SH_RATIO, 0, 0, 0 },
	[KPI_FCR] =		{ SH_RATIO, 0, 0, 0 },
	[KPI_AHT] =		{ SH_MEAN, 0, 0, 0 },
	[KPI_ASA] =		{ SH_MEAN, 0, 0, 0 },
	[KPI_ABANDON] =		{ SH_RATIO, 0, 0, 0 },
	[KPI_SERVICE_LEVEL] =	{ SH_RATIO, 0, 0, 0 },
	[KPI_CSAT] =		{ SH_RATIO, 0, 1, 0 },
	[KPI_CSAT_AVG] =	{ SH_MEAN, 0, 0, 0 },
	[KPI_NPS] =		{ SH_NPS, 0, 0, 0 },
	[KPI_CES] =		{ SH_RATIO, 0, 1, 0 },
	[KPI_RESPONSE_RATE] =	{ SH_RATIO, 0, 1, 0 },
	[KPI_QA_SCORE] =	{ SH_MEAN, 0, 0, 0 },
	[KPI_QA_PASSING] =	{ SH_RATIO, 0, 0, 0 },
	[KPI_TRAINING_HOURS] =	{ SH_MEAN, 0, 0, 0 },
	[KPI_TRAINING_COMPLETION] = { SH_RATIO, 0, 0, 0 },
	[KPI_KB_ACCURACY] =	{ SH_RATIO, 0, 0, 0 },
	[KPI_CHURN] =		{ SH_RATIO, 0, 0, 0 },
};

const struct kpi_def *
kpi_def_find(const char *key)
{
	if (key == NULL)
		return NULL;
	for (size_t i = 0; kpi_defs[i].key != NULL; i++)
		if (strcmp(kpi_defs[i].key, key) == 0)
			return &kpi_defs[i];
	return NULL;
}

const char *
kpi_unit_name(enum kpi_unit u)
{
	static const char *const names[] = { "count", "seconds", "ratio",
	    "score", "hours", "nps" };

	return (unsigned)u < sizeof(names) / sizeof(names[0]) ? names[u] :
	    NULL;
}

static const char *const bucket_names[KB_BUCKET__MAX] = {
	"none", "day", "week", "month", "quarter" };
static const char *const seg_names[KS__MAX] = {
	"none", "team", "channel", "agent", "category", "priority" };

const char *
kpi_bucket_name(enum kpi_bucket b)
{
	return (unsigned)b < KB_BUCKET__MAX ? bucket_names[b] : NULL;
}

const char *
kpi_seg_name(enum kpi_seg s)
{
	return (unsigned)s < KS__MAX ? seg_names[s] : NULL;
}

int
kpi_bucket_find(const char *name)
{
	for (int i = 0; name != NULL && i < KB_BUCKET__MAX; i++)
		if (strcmp(bucket_names[i], name) == 0)
			return i;
	return -1;
}

int
kpi_seg_find(const char *name)
{
	for (int i = 0; name != NULL && i < KS__MAX; i++)
		if (strcmp(seg_names[i], name) == 0)
			return i;
	return -1;
}

const char *
kpi_dir_name(enum kpi_dir d)
{
	static const char *const names[] = { "none", "higher", "lower" };

	return (unsigned)d < sizeof(names) / sizeof(names[0]) ? names[d] :
	    NULL;
}

enum err_code
kpi_parse_by(const char *list, struct kpi_query *q, struct err *e)
{
	char	 w[32];
	size_t	 n;
	int	 k;

	for (; list != NULL && *list != '\0'; list += n + (list[n] == ',')) {
		n = strcspn(list, ",");
		if (n == 0 || n >= sizeof(w))
			goto bad;
		memcpy(w, list, n);
		w[n] = '\0';
		if ((k = kpi_bucket_find(w)) > 0)
			q->bucket = (enum kpi_bucket)k;
		else if ((k = kpi_seg_find(w)) > 0)
			q->by = (enum kpi_seg)k;
		else
			goto bad;
	}
	return ERR_OK;
bad:
	return err_setf(e, ERR_INVAL, "by", "by: expected day, week, month, "
	    "quarter, team, channel, agent, category or priority, got "
	    "\"%.*s\"", (int)(n < 64 ? n : 64), list);
}
