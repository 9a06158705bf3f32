/*
 * snapshot.c: the columnar snapshot.  See snapshot.h for the contract and
 * snap_int.h for the layout.
 *
 * Columns grow by doubling (realloc per column) while records arrive and
 * are trimmed to their exact size by snap_finish, so the steady state is
 * rows x row width.  Dictionaries intern each distinct string once, in a
 * string pool with an open-addressing hash (FNV-1a); code 0 is kept for
 * "not given" so a column needs no separate null bitmap.
 *
 * Decisions taken once here rather than per KPI run, because they do not
 * depend on any option: whether an interaction counts as escalated
 * (KPIS.md: the flag or a status named Escalated), whether it was handled,
 * its handle time (talk + hold + wrap: no KPI needs them apart), the
 * satisfied / promoter / detractor / easy class of a survey response, the
 * QA score of a review with a failed critical category (0), and whether a
 * resolution SLA with a due date but no flag was met.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kpi/snap_int.h"

struct colref {
	void	**p;
	size_t	  size;
};

#define COL(a)	{ (void **)&(a), sizeof(*(a)) }

/* The columns of dataset d; returns how many. */
static size_t
cols(struct snap *s, enum ds d, struct colref *c)
{
	size_t	 n = 0;

	switch (d) {
	case DS_INTERACTIONS: {
		struct colref	 v[] = { COL(s->ix.created),
		    COL(s->ix.first_reply), COL(s->ix.solve1),
		    COL(s->ix.solve2), COL(s->ix.sla_due),
		    COL(s->ix.next_contact), COL(s->ix.queued),
		    COL(s->ix.handle), COL(s->ix.team), COL(s->ix.channel),
		    COL(s->ix.agent), COL(s->ix.category),
		    COL(s->ix.priority), COL(s->ix.flags),
		    COL(s->ix.replies), COL(s->ix.customer) };

		n = sizeof(v) / sizeof(v[0]) - (s->finished ? 1 : 0);
		memcpy(c, v, n * sizeof(v[0]));
		break;
	}
	case DS_SURVEYS: {
		struct colref	 v[] = { COL(s->sv.sent),
		    COL(s->sv.responded), COL(s->sv.score), COL(s->sv.kind),
		    COL(s->sv.cls), COL(s->sv.team), COL(s->sv.agent),
		    COL(s->sv.channel) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	case DS_QA_REVIEWS: {
		struct colref	 v[] = { COL(s->qa.reviewed),
		    COL(s->qa.score), COL(s->qa.agent), COL(s->qa.team) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	case DS_TRAINING: {
		struct colref	 v[] = { COL(s->tr.date), COL(s->tr.hours),
		    COL(s->tr.agent), COL(s->tr.team) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	case DS_KB_AUDITS: {
		struct colref	 v[] = { COL(s->kb.audited),
		    COL(s->kb.accurate), COL(s->kb.team) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	case DS_CUSTOMERS: {
		struct colref	 v[] = { COL(s->cu.started),
		    COL(s->cu.churned), COL(s->cu.churn), COL(s->cu.team) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	case DS_AGENTS: {
		struct colref	 v[] = { COL(s->ag.agent), COL(s->ag.team),
		    COL(s->ag.hired) };

		n = sizeof(v) / sizeof(v[0]);
		memcpy(c, v, sizeof(v));
		break;
	}
	default:
		break;
	}
	return n;
}

/* Resize every column of d to ncap rows. */
static enum err_code
resize(struct snap *s, enum ds d, size_t ncap, struct err *e)
{
	struct colref	 c[20];
	size_t		 nc = cols(s, d, c), i;
	void		*p;

	for (i = 0; i < nc; i++) {
		if (ncap > SIZE_MAX / c[i].size)
			goto nomem;
		if ((p = realloc(*c[i].p, ncap * c[i].size)) == NULL &&
		    ncap > 0)
			goto nomem;
		*c[i].p = p;
	}
	s->cap[d] = ncap;
	return ERR_OK;
nomem:
	return err_set(e, ERR_NOMEM, "out of memory growing the %s snapshot "
	    "to %zu rows", ds_info[d].name, ncap);
}

/* --- dictionaries --------------------------------------------------- */

static const char *const dim_names[DIM__MAX] = {
	"teams", "channels", "agents", "categories", "priorities",
	"customers" };

static uint32_t
fnv1a(const char *p)
{
	uint32_t	 h = 2166136261u;

	for (; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

static enum err_code
dict_init(struct dict *dc, uint32_t max)
{
	memset(dc, 0, sizeof(*dc));
	dc->max = max;
	dc->nslot = 64;
	dc->ocap = 16;
	dc->pcap = 256;
	dc->slot = calloc(dc->nslot, sizeof(*dc->slot));
	dc->off = calloc(dc->ocap, sizeof(*dc->off));
	dc->pool = malloc(dc->pcap);
	if (dc->slot == NULL || dc->off == NULL || dc->pool == NULL)
		return ERR_NOMEM;
	dc->pool[0] = '\0';	/* code 0: "" */
	dc->plen = 1;
	dc->n = 1;
	return ERR_OK;
}

static void
dict_free(struct dict *dc)
{
	free(dc->pool);
	free(dc->off);
	free(dc->slot);
	memset(dc, 0, sizeof(*dc));
}

static size_t
dict_bytes(const struct dict *dc)
{
	return dc->pcap + (size_t)dc->ocap * sizeof(*dc->off) +
	    (size_t)dc->nslot * sizeof(*dc->slot);
}

static uint32_t
dict_lookup(const struct dict *dc, const char *name, uint32_t *at)
{
	uint32_t	 mask = dc->nslot - 1, i = fnv1a(name) & mask, c;

	while ((c = dc->slot[i]) != 0) {
		if (strcmp(dc->pool + dc->off[c], name) == 0)
			break;
		i = (i + 1) & mask;
	}
	if (at != NULL)
		*at = i;
	return c;
}

static enum err_code
dict_rehash(struct dict *dc)
{
	uint32_t	*old = dc->slot, nold = dc->nslot, i, at;

	if (dc->nslot > UINT32_MAX / 2 ||
	    (dc->slot = calloc((size_t)dc->nslot * 2, sizeof(*old))) == NULL) {
		dc->slot = old;
		return ERR_NOMEM;
	}
	dc->nslot *= 2;
	for (i = 0; i < nold; i++)
		if (old[i] != 0) {
			dict_lookup(dc, dc->pool + dc->off[old[i]], &at);
			dc->slot[at] = old[i];
		}
	free(old);
	return ERR_OK;
}

/* The code of name, added if new; NULL or "" is code 0. */
static enum err_code
dict_intern(struct dict *dc, const char *name, uint32_t *code)
{
	uint32_t	 at, c;
	size_t		 len, ncap;
	void		*p;

	*code = 0;
	if (name == NULL || *name == '\0')
		return ERR_OK;
	if ((c = dict_lookup(dc, name, &at)) != 0) {
		*code = c;
		return ERR_OK;
	}
	if (dc->n > dc->max)
		return ERR_TOOBIG;
	len = strlen(name) + 1;
	if (dc->plen + len > dc->pcap || dc->plen + len > UINT32_MAX) {
		if (dc->plen + len > UINT32_MAX)
			return ERR_TOOBIG;
		for (ncap = dc->pcap; ncap < dc->plen + len; ncap *= 2)
			;
		if ((p = realloc(dc->pool, ncap)) == NULL)
			return ERR_NOMEM;
		dc->pool = p;
		dc->pcap = ncap;
	}
	if (dc->n == dc->ocap) {
		if ((p = realloc(dc->off, (size_t)dc->ocap * 2 *
		    sizeof(*dc->off))) == NULL)
			return ERR_NOMEM;
		dc->off = p;
		dc->ocap *= 2;
	}
	memcpy(dc->pool + dc->plen, name, len);
	dc->off[dc->n] = (uint32_t)dc->plen;
	dc->plen += len;
	c = dc->n++;
	dc->slot[at] = c;
	*code = c;
	if (dc->n * 2 > dc->nslot)
		return dict_rehash(dc);
	return ERR_OK;
}

const char *
snap_dim_name(const struct snap *s, enum snap_dim d, uint32_t code)
{
	if (code >= s->dict[d].n)
		return "";
	return s->dict[d].pool + s->dict[d].off[code];
}

uint32_t
snap_dim_find(const struct snap *s, enum snap_dim d, const char *name)
{
	if (name == NULL || *name == '\0' || s->dict[d].slot == NULL)
		return 0;
	return dict_lookup(&s->dict[d], name, NULL);
}

uint32_t
snap_dim_count(const struct snap *s, enum snap_dim d)
{
	return s->dict[d].n;
}

int
snap_dim_has(enum ds ds, enum snap_dim d)
{
	switch (ds) {
	case DS_INTERACTIONS:
		return d != DIM_CUSTOMER;
	case DS_SURVEYS:
		return d == DIM_TEAM || d == DIM_AGENT || d == DIM_CHANNEL;
	case DS_QA_REVIEWS:
	case DS_TRAINING:
		return d == DIM_TEAM || d == DIM_AGENT;
	case DS_KB_AUDITS:
	case DS_CUSTOMERS:
		return d == DIM_TEAM;
	default:
		return 0;
	}
}

const uint16_t *
snap_dim_col(const struct snap *s, enum ds ds, enum snap_dim d)
{
	switch (ds) {
	case DS_INTERACTIONS:
		switch (d) {
		case DIM_TEAM:		return s->ix.team;
		case DIM_CHANNEL:	return s->ix.channel;
		case DIM_AGENT:		return s->ix.agent;
		case DIM_CATEGORY:	return s->ix.category;
		case DIM_PRIORITY:	return s->ix.priority;
		default:		return NULL;
		}
	case DS_SURVEYS:
		return d == DIM_TEAM ? s->sv.team : d == DIM_AGENT ?
		    s->sv.agent : d == DIM_CHANNEL ? s->sv.channel : NULL;
	case DS_QA_REVIEWS:
		return d == DIM_TEAM ? s->qa.team : d == DIM_AGENT ?
		    s->qa.agent : NULL;
	case DS_TRAINING:
		return d == DIM_TEAM ? s->tr.team : d == DIM_AGENT ?
		    s->tr.agent : NULL;
	case DS_KB_AUDITS:
		return d == DIM_TEAM ? s->kb.team : NULL;
	case DS_CUSTOMERS:
		return d == DIM_TEAM ? s->cu.team : NULL;
	default:
		return NULL;
	}
}

/* --- adding records ------------------------------------------------- */

struct snap *
snap_new(void)
{
	struct snap	*s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	for (int d = 0; d < DIM__MAX; d++)
		if (dict_init(&s->dict[d], d == DIM_CUSTOMER ? UINT32_MAX - 1 :
		    SNAP_DIM_MAX) != ERR_OK) {
			snap_free(s);
			return NULL;
		}
	for (int d = 0; d < DS__MAX; d++)
		s->tmin[d] = s->tmax[d] = SNAP_NONE;
	return s;
}

void
snap_free(struct snap *s)
{
	struct colref	 c[20];
	size_t		 nc;

	if (s == NULL)
		return;
	for (int d = 0; d < DS__MAX; d++) {
		nc = cols(s, (enum ds)d, c);
		for (size_t i = 0; i < nc; i++)
			free(*c[i].p);
	}
	for (int d = 0; d < DIM__MAX; d++)
		dict_free(&s->dict[d]);
	free(s->agent_hired);
	free(s->agent_team);
	free(s);
}

/* The record's instant field f as uint32, widening the dataset's range. */
static enum err_code
t32(struct snap *s, const struct ds_rec *r, int f, uint32_t *out,
    struct err *e)
{
	const struct ds_val	*v = &r->v[f];

	*out = SNAP_NONE;
	if (!v->set)
		return ERR_OK;
	if (v->i < 0 || v->i >= (int64_t)SNAP_NONE)
		return err_setf(e, ERR_INVAL, ds_info[r->ds].fields[f].name,
		    "%lld is outside the instants a snapshot holds "
		    "(1970..2106)", (long long)v->i);
	*out = (uint32_t)v->i;
	if (s->tmin[r->ds] == SNAP_NONE || *out < s->tmin[r->ds])
		s->tmin[r->ds] = *out;
	if (s->tmax[r->ds] == SNAP_NONE || *out > s->tmax[r->ds])
		s->tmax[r->ds] = *out;
	return ERR_OK;
}

/* A duration as whole seconds, SNAP_NONE if missing. */
static uint32_t
dur32(const struct ds_val *v)
{
	double	 x;

	if (!v->set)
		return SNAP_NONE;
	x = round(v->r);
	return x >= (double)(SNAP_NONE - 1) ? SNAP_NONE - 1 : (uint32_t)x;
}

static enum err_code
code16(struct snap *s, enum snap_dim d, const struct ds_val *v,
    uint16_t *out, struct err *e)
{
	uint32_t	 c;
	enum err_code	 rc;

	rc = dict_intern(&s->dict[d], v->set ? v->s : NULL, &c);
	if (rc == ERR_TOOBIG)
		return err_set(e, rc, "more than %d distinct %s (\"%s\")",
		    SNAP_DIM_MAX, dim_names[d], v->s);
	if (rc != ERR_OK)
		return err_set(e, rc, "out of memory interning %s",
		    dim_names[d]);
	*out = (uint16_t)c;
	return ERR_OK;
}

#define B(f)	(v[f].set && v[f].i != 0)

static enum err_code
add_ix(struct snap *s, const struct ds_rec *r, size_t i, struct err *e)
{
	const struct ds_val	*v = r->v;
	enum err_code		 rc;
	uint32_t		 solved, resolved, cust;
	uint16_t		 fl = 0;
	double			 h = 0;
	int			 hset = 0;

	if ((rc = t32(s, r, IX_CREATED_AT, &s->ix.created[i], e)) ||
	    (rc = t32(s, r, IX_FIRST_REPLY_AT, &s->ix.first_reply[i], e)) ||
	    (rc = t32(s, r, IX_SOLVED_AT, &solved, e)) ||
	    (rc = t32(s, r, IX_RESOLVED_AT, &resolved, e)) ||
	    (rc = t32(s, r, IX_SLA_DUE_AT, &s->ix.sla_due[i], e)))
		return rc;
	s->ix.solve1[i] = solved != SNAP_NONE ? solved : resolved;
	s->ix.solve2[i] = resolved != SNAP_NONE ? resolved : solved;
	s->ix.next_contact[i] = SNAP_NONE;
	s->ix.queued[i] = dur32(&v[IX_QUEUED_S]);
	for (int f = IX_TALK_S; f <= IX_WRAP_S; f++)
		if (v[f].set) {
			h += v[f].r;
			hset = 1;
		}
	s->ix.handle[i] = SNAP_NONE;
	if (hset) {
		struct ds_val	 hv = { 1, 0, h, NULL };

		s->ix.handle[i] = dur32(&hv);
	}
	if ((rc = code16(s, DIM_TEAM, &v[IX_TEAM], &s->ix.team[i], e)) ||
	    (rc = code16(s, DIM_CHANNEL, &v[IX_CHANNEL], &s->ix.channel[i],
	    e)) ||
	    (rc = code16(s, DIM_AGENT, &v[IX_AGENT], &s->ix.agent[i], e)) ||
	    (rc = code16(s, DIM_CATEGORY, &v[IX_CATEGORY],
	    &s->ix.category[i], e)) ||
	    (rc = code16(s, DIM_PRIORITY, &v[IX_PRIORITY],
	    &s->ix.priority[i], e)))
		return rc;
	if ((rc = dict_intern(&s->dict[DIM_CUSTOMER],
	    v[IX_CUSTOMER].set ? v[IX_CUSTOMER].s : NULL, &cust)) != ERR_OK)
		return err_set(e, rc, "cannot intern customer \"%s\"",
		    v[IX_CUSTOMER].s);
	s->ix.customer[i] = cust;
	if (B(IX_EXCLUDED))
		fl |= IXF_EXCLUDED;
	if (B(IX_ESCALATED) || (v[IX_STATUS].set && v[IX_STATUS].s != NULL &&
	    strcasecmp(v[IX_STATUS].s, "escalated") == 0))
		fl |= IXF_ESCALATED;
	if (v[IX_ESCALATED].set || (v[IX_STATUS].set && v[IX_STATUS].s != NULL))
		fl |= IXF_ESC_KNOWN;
	if (B(IX_ANSWERED))
		fl |= IXF_ANSWERED;
	if (B(IX_ABANDONED))
		fl |= IXF_ABANDONED;
	if (B(IX_ANSWERED) || (!v[IX_ANSWERED].set && hset))
		fl |= IXF_HANDLED;
	if (v[IX_REOPEN_COUNT].set && v[IX_REOPEN_COUNT].i >= 1)
		fl |= IXF_REOPENED;
	if (v[IX_REOPEN_COUNT].set)
		fl |= IXF_REOPEN_KNOWN;
	if (v[IX_ANSWERED].set || v[IX_ABANDONED].set)
		fl |= IXF_CONTACT;
	if (v[IX_SLA_FIRST_MET].set)
		fl |= IXF_SLA1_SET | (B(IX_SLA_FIRST_MET) ? IXF_SLA1_MET : 0);
	if (v[IX_SLA_RES_MET].set)
		fl |= IXF_SLA2_SET | (B(IX_SLA_RES_MET) ? IXF_SLA2_MET : 0);
	else if (s->ix.sla_due[i] != SNAP_NONE &&
	    s->ix.solve2[i] != SNAP_NONE)	/* resolved: judge it now */
		fl |= IXF_SLA2_SET | (s->ix.solve2[i] <= s->ix.sla_due[i] ?
		    IXF_SLA2_MET : 0);
	if (v[IX_RESOLVED].set)
		fl |= IXF_RES_SET | (B(IX_RESOLVED) ? IXF_RES_YES : 0);
	s->ix.flags[i] = fl;
	s->ix.replies[i] = !v[IX_AGENT_REPLIES].set ? IX_REPLIES_NONE :
	    v[IX_AGENT_REPLIES].i >= 254 ? 254 :
	    (uint8_t)v[IX_AGENT_REPLIES].i;
	return ERR_OK;
}

/* The class bits of a survey response (see SVC_*). */
static uint8_t
sv_class(enum sv_kind k, double score, double lo, double hi)
{
	uint8_t	 c = SVC_RESPONDED;
	double	 points = hi - lo + 1;

	switch (k) {
	case SVK_CSAT:
		/* 4-5 of 1-5; the top point of a 3-point or good/bad scale */
		if (score >= (points >= 4 ? hi - 1 : hi))
			c |= SVC_SAT;
		break;
	case SVK_NPS:
		if (score >= 9)
			c |= SVC_PROMOTER;
		else if (score <= 6)
			c |= SVC_DETRACTOR;
		break;
	case SVK_CES:
		if (score >= 5)
			c |= SVC_EASY;
		break;
	}
	return c;
}

static enum err_code
add_sv(struct snap *s, const struct ds_rec *r, size_t i, struct err *e)
{
	const struct ds_val	*v = r->v;
	enum err_code		 rc;
	enum sv_kind		 k;
	const char		*ks = v[SV_KIND].s;

	k = strcmp(ks, "nps") == 0 ? SVK_NPS : strcmp(ks, "ces") == 0 ?
	    SVK_CES : SVK_CSAT;
	if ((rc = t32(s, r, SV_SENT_AT, &s->sv.sent[i], e)) ||
	    (rc = t32(s, r, SV_RESPONDED_AT, &s->sv.responded[i], e)))
		return rc;
	s->sv.kind[i] = (uint8_t)k;
	s->sv.cls[i] = 0;
	s->sv.score[i] = NAN;
	if (v[SV_SCORE].set) {
		s->sv.score[i] = v[SV_SCORE].r;
		s->sv.cls[i] = sv_class(k, v[SV_SCORE].r, v[SV_SCALE_MIN].r,
		    v[SV_SCALE_MAX].r);
		if (s->sv.responded[i] == SNAP_NONE)
			s->sv.responded[i] = s->sv.sent[i];
	}
	if ((rc = code16(s, DIM_TEAM, &v[SV_TEAM], &s->sv.team[i], e)) ||
	    (rc = code16(s, DIM_AGENT, &v[SV_AGENT], &s->sv.agent[i], e)) ||
	    (rc = code16(s, DIM_CHANNEL, &v[SV_CHANNEL], &s->sv.channel[i],
	    e)))
		return rc;
	return ERR_OK;
}

static enum err_code
add_other(struct snap *s, const struct ds_rec *r, size_t i, struct err *e)
{
	const struct ds_val	*v = r->v;
	enum err_code		 rc = ERR_OK;

	switch (r->ds) {
	case DS_QA_REVIEWS:
		s->qa.score[i] = B(QA_CRITICAL_FAILED) ? 0 : v[QA_SCORE].r;
		if ((rc = t32(s, r, QA_REVIEWED_AT, &s->qa.reviewed[i], e)) ||
		    (rc = code16(s, DIM_AGENT, &v[QA_AGENT], &s->qa.agent[i],
		    e)) ||
		    (rc = code16(s, DIM_TEAM, &v[QA_TEAM], &s->qa.team[i], e)))
			return rc;
		break;
	case DS_TRAINING:
		s->tr.hours[i] = v[TR_HOURS].r;
		if ((rc = t32(s, r, TR_DATE, &s->tr.date[i], e)) ||
		    (rc = code16(s, DIM_AGENT, &v[TR_AGENT], &s->tr.agent[i],
		    e)) ||
		    (rc = code16(s, DIM_TEAM, &v[TR_TEAM], &s->tr.team[i], e)))
			return rc;
		break;
	case DS_KB_AUDITS:
		s->kb.accurate[i] = (uint8_t)B(KB_ACCURATE);
		if ((rc = t32(s, r, KB_AUDITED_AT, &s->kb.audited[i], e)) ||
		    (rc = code16(s, DIM_TEAM, &v[KB_TEAM], &s->kb.team[i], e)))
			return rc;
		break;
	case DS_CUSTOMERS:
		if ((rc = t32(s, r, CU_STARTED_AT, &s->cu.started[i], e)) ||
		    (rc = t32(s, r, CU_CHURNED_AT, &s->cu.churned[i], e)) ||
		    (rc = code16(s, DIM_TEAM, &v[CU_TEAM], &s->cu.team[i], e)))
			return rc;
		s->cu.churn[i] = (uint8_t)(B(CU_CHURNED) ||
		    s->cu.churned[i] != SNAP_NONE);
		break;
	case DS_AGENTS:
		if ((rc = t32(s, r, AG_HIRED_AT, &s->ag.hired[i], e)) ||
		    (rc = code16(s, DIM_AGENT, &v[AG_ID], &s->ag.agent[i], e)) ||
		    (rc = code16(s, DIM_TEAM, &v[AG_TEAM], &s->ag.team[i], e)))
			return rc;
		break;
	default:
		return err_set(e, ERR_INTERNAL, "no such dataset %d",
		    (int)r->ds);
	}
	return rc;
}

#undef B

enum err_code
snap_add(struct snap *s, const struct ds_rec *r, struct err *e)
{
	enum ds		 d = r->ds;
	size_t		 i;
	enum err_code	 rc;

	if (s->finished)
		return err_set(e, ERR_INTERNAL, "the snapshot is finished; "
		    "build a new one to add records");
	if ((int)d < 0 || d >= DS__MAX)
		return err_set(e, ERR_INTERNAL, "no such dataset %d", (int)d);
	if (s->n[d] == s->cap[d] && (rc = resize(s, d, s->cap[d] < 1024 ?
	    1024 : s->cap[d] * 2, e)) != ERR_OK)
		return rc;
	i = s->n[d];
	switch (d) {
	case DS_INTERACTIONS:
		rc = add_ix(s, r, i, e);
		break;
	case DS_SURVEYS:
		rc = add_sv(s, r, i, e);
		break;
	default:
		rc = add_other(s, r, i, e);
		break;
	}
	if (rc == ERR_OK)
		s->n[d]++;
	return rc;
}

/* --- finishing ------------------------------------------------------ */

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * FCR's "no new interaction from the same customer within N days after
 * resolution" needs, for each resolved interaction, the first contact of
 * its customer created after the resolution.  Rows are grouped by
 * customer with a counting sort (O(n)), each customer's creation times
 * sorted, and the first one after solve1 found by binary search.
 */
static enum err_code
next_contacts(struct snap *s, struct err *e)
{
	size_t		 n = s->n[DS_INTERACTIONS], i, j, lo, hi, mid;
	uint32_t	 nc = s->dict[DIM_CUSTOMER].n, c, *start, *row, *tm;
	uint32_t	 t;
	enum err_code	 rc = ERR_OK;

	if (n == 0 || nc <= 1)
		return ERR_OK;
	start = calloc((size_t)nc + 1, sizeof(*start));
	row = malloc(n * sizeof(*row));
	tm = malloc(n * sizeof(*tm));
	if (start == NULL || row == NULL || tm == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory linking contacts "
		    "by customer");
		goto out;
	}
	for (i = 0; i < n; i++)
		start[s->ix.customer[i] + 1]++;
	for (c = 1; c <= nc; c++)
		start[c] += start[c - 1];
	for (i = 0; i < n; i++)
		row[start[s->ix.customer[i]]++] = (uint32_t)i;
	for (c = nc; c > 0; c--)	/* start[c] was moved to c's end */
		start[c] = start[c - 1];
	start[0] = 0;
	for (c = 1; c < nc; c++) {
		lo = start[c];
		hi = start[c + 1];
		for (j = lo; j < hi; j++)
			tm[j] = s->ix.created[row[j]];
		if (hi - lo > 1)
			qsort(tm + lo, hi - lo, sizeof(*tm), u32_cmp);
		for (j = lo; j < hi; j++) {
			size_t	 a = lo, b = hi;

			if ((t = s->ix.solve1[row[j]]) == SNAP_NONE)
				continue;
			while (a < b) {	/* first creation after t */
				mid = a + (b - a) / 2;
				if (tm[mid] <= t)
					a = mid + 1;
				else
					b = mid;
			}
			if (a < hi && tm[a] != SNAP_NONE)
				s->ix.next_contact[row[j]] = tm[a];
		}
	}
out:
	free(start);
	free(row);
	free(tm);
	return rc;
}

/* Each agent's team and hire date, from the agents dataset; records of
 * other datasets that name an agent but no team take the agent's. */
static enum err_code
agent_table(struct snap *s, struct err *e)
{
	uint32_t	 na = s->dict[DIM_AGENT].n;
	size_t		 i;

	s->agent_hired = malloc((size_t)na * sizeof(*s->agent_hired));
	s->agent_team = calloc(na, sizeof(*s->agent_team));
	if (s->agent_hired == NULL || s->agent_team == NULL)
		return err_set(e, ERR_NOMEM, "out of memory indexing agents");
	for (i = 0; i < na; i++)
		s->agent_hired[i] = SNAP_NONE;
	for (i = 0; i < s->n[DS_AGENTS]; i++) {
		s->agent_hired[s->ag.agent[i]] = s->ag.hired[i];
		s->agent_team[s->ag.agent[i]] = s->ag.team[i];
	}
	s->agent_team[0] = 0;
	for (i = 0; i < s->n[DS_QA_REVIEWS]; i++)
		if (s->qa.team[i] == 0)
			s->qa.team[i] = s->agent_team[s->qa.agent[i]];
	for (i = 0; i < s->n[DS_TRAINING]; i++)
		if (s->tr.team[i] == 0)
			s->tr.team[i] = s->agent_team[s->tr.agent[i]];
	for (i = 0; i < s->n[DS_SURVEYS]; i++)
		if (s->sv.team[i] == 0)
			s->sv.team[i] = s->agent_team[s->sv.agent[i]];
	return ERR_OK;
}

enum err_code
snap_finish(struct snap *s, struct err *e)
{
	enum err_code	 rc;

	if (s->finished)
		return ERR_OK;
	if ((rc = next_contacts(s, e)) != ERR_OK ||
	    (rc = agent_table(s, e)) != ERR_OK)
		return rc;
	free(s->ix.customer);
	s->ix.customer = NULL;
	dict_free(&s->dict[DIM_CUSTOMER]);
	s->finished = 1;
	for (int d = 0; d < DS__MAX; d++)
		if (s->n[d] > 0 && (rc = resize(s, (enum ds)d, s->n[d], e)))
			return rc;
	return ERR_OK;
}

size_t
snap_rows(const struct snap *s, enum ds d)
{
	return (int)d >= 0 && d < DS__MAX ? s->n[d] : 0;
}

size_t
snap_bytes(const struct snap *s, enum ds d)
{
	struct colref	 c[20];
	size_t		 nc, sum = 0, i;

	if ((int)d < 0 || d >= DS__MAX)
		return 0;
	nc = cols((struct snap *)s, d, c);
	for (i = 0; i < nc; i++)
		sum += s->cap[d] * c[i].size;
	for (int m = 0; m < DIM__MAX; m++)
		if (snap_dim_has(d, (enum snap_dim)m) ||
		    (d == DS_AGENTS && m == DIM_AGENT) ||
		    (d == DS_INTERACTIONS && m == DIM_CUSTOMER))
			sum += s->dict[m].slot == NULL ? 0 :
			    dict_bytes(&s->dict[m]);
	if (d == DS_AGENTS && s->agent_hired != NULL)
		sum += s->dict[DIM_AGENT].n * (sizeof(*s->agent_hired) +
		    sizeof(*s->agent_team));
	return sum;
}
