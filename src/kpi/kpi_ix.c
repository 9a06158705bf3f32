/*
 * kpi_ix.c: the passes over interactions (volume, response and
 * resolution, backlog, SLA, reopen, escalation, FCR, contact-center).
 *
 * Each KPI is its own loop over the few columns it reads; the shape of
 * every loop is the same: place the record with kp_cell() by the KPI's own
 * timestamp (KPIS.md's bucket column), then add to the cell's numerator
 * and denominator (or count, or collect a duration for a percentile).
 * Thresholds given in seconds as doubles are turned once into whole
 * seconds, so the loops compare integers: durations are whole seconds.
 */
#include <math.h>
#include <stdlib.h>

#include "kpi/kpi_int.h"

/* floor(x) as uint32, clamped; "d <= x" for whole d is "d <= this". */
static uint32_t
floor32(double x)
{
	if (!(x >= 0))
		return 0;
	return x >= 4294967294.0 ? UINT32_MAX - 1 : (uint32_t)floor(x);
}

/* ceil(x) as uint32, clamped; "d < x" for whole d is "d < this". */
static uint32_t
ceil32(double x)
{
	if (!(x >= 0))
		return 0;
	return x >= 4294967294.0 ? UINT32_MAX - 1 : (uint32_t)ceil(x);
}

/* Count a record, or collect its duration on the fill pass. */
static inline void
collect(struct kctx *k, int64_t c, uint32_t d)
{
	if (k->vals != NULL)
		k->vals[k->cur[c]++] = d;
	else
		k->n[c]++;
}

static void
pass_volume(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	int64_t			 c;

	for (size_t i = 0; i < n; i++)
		if ((c = kp_cell(&P, i, cr[i])) >= 0)
			k->n[c]++;
}

/* frt_avg, frt_median, frt_p90, frt_within: placed by first_reply_at. */
static void
pass_frt(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created, *fr = k->s->ix.first_reply;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	uint32_t		 d, within = floor32(k->o->frt_within_s);
	int64_t			 c;

	for (size_t i = 0; i < n; i++) {
		if ((c = kp_cell(&P, i, fr[i])) < 0 || cr[i] == SNAP_NONE)
			continue;
		d = kp_dur(k, cr[i], fr[i]);
		switch (k->id) {
		case KPI_FRT_AVG:
			k->num[c] += d;
			k->den[c] += 1;
			break;
		case KPI_FRT_WITHIN:
			k->num[c] += d <= within;
			k->den[c] += 1;
			break;
		default:
			collect(k, c, d);
			break;
		}
	}
}

/* resolution_median, resolution_p90: placed by the solve they measure. */
static void
pass_resolution(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created;
	const uint32_t		*rs = k->o->resolution_final ?
				    k->s->ix.solve2 : k->s->ix.solve1;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	int64_t			 c;

	for (size_t i = 0; i < n; i++) {
		if ((c = kp_cell(&P, i, rs[i])) < 0 || cr[i] == SNAP_NONE)
			continue;
		collect(k, c, kp_dur(k, cr[i], rs[i]));
	}
}

/*
 * backlog and unanswered are states at each bucket's end e: open means
 * created before e and not (finally) resolved before e; unanswered also
 * has no first reply before e.  A record is open over a run of buckets
 * [from, until), so it adds +1 at from and -1 at until of a difference
 * array, and the running sum over buckets is the count: one pass, however
 * many buckets.  "Created before e" is summed the same way: a cell with no
 * interaction created before its end has no data.  Calls and chat
 * sessions (records with an answered or abandoned flag) are contacts that
 * end, not work items, and are never open.
 */
static enum err_code
pass_backlog(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created, *rs = k->s->ix.solve2;
	const uint32_t		*fr = k->s->ix.first_reply;
	const uint16_t		*fl = k->s->ix.flags;
	size_t			 n = k->s->n[DS_INTERACTIONS], ng = P.ng;
	int64_t			*open, *made, o, m;
	uint32_t		 from, until, u, g;

	open = calloc((P.nb + 1) * ng, sizeof(*open));
	made = calloc((P.nb + 1) * ng, sizeof(*made));
	if (open == NULL || made == NULL) {
		free(open);
		free(made);
		return err_set(k->e, ERR_NOMEM, "out of memory counting the "
		    "backlog");
	}
	for (size_t i = 0; i < n; i++) {
		if (cr[i] == SNAP_NONE || !kp_keep(&P, i) ||
		    (from = kp_after(&P, cr[i])) >= P.nb)
			continue;
		g = P.seg ? P.seg[i] : 0;
		made[from * ng + g]++;
		/* a call or chat session is over when it ends: answered or
		 * abandoned, it waits in no backlog */
		if (fl[i] & IXF_CONTACT)
			continue;
		until = rs[i] == SNAP_NONE ? P.nb : kp_after(&P, rs[i]);
		if (k->id == KPI_UNANSWERED && fr[i] != SNAP_NONE &&
		    (u = kp_after(&P, fr[i])) < until)
			until = u;
		if (until > from) {
			open[from * ng + g]++;
			open[until * ng + g]--;
		}
	}
	for (g = 0; g < ng; g++) {
		o = m = 0;
		for (uint32_t b = 0; b < P.nb; b++) {
			o += open[b * ng + g];
			m += made[b * ng + g];
			k->n[b * ng + g] = o;
			k->den[b * ng + g] = (double)m;
		}
	}
	free(open);
	free(made);
	return ERR_OK;
}

/*
 * sla_compliance, placed by created_at: each interaction has up to two
 * SLA targets, first reply and resolution.  A target with its flag counts
 * met or breached; a resolution target with a due date and no flag was
 * judged at snap_add if resolved, and is otherwise running: breached once
 * now is past the due date, left out before.
 */
static void
pass_sla(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created, *due = k->s->ix.sla_due;
	const uint16_t		*fl = k->s->ix.flags;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	int64_t			 c, now = k->now;
	uint16_t		 f;

	for (size_t i = 0; i < n; i++) {
		if ((c = kp_cell(&P, i, cr[i])) < 0)
			continue;
		f = fl[i];
		if (f & IXF_SLA1_SET) {
			k->den[c] += 1;
			k->num[c] += (f & IXF_SLA1_MET) != 0;
		}
		if (f & IXF_SLA2_SET) {
			k->den[c] += 1;
			k->num[c] += (f & IXF_SLA2_MET) != 0;
		} else if (due[i] != SNAP_NONE && (int64_t)due[i] < now)
			k->den[c] += 1;
	}
}

/* reopen_rate (by the solve time) and escalation_rate (by created_at):
 * a flag over a population. */
static void
pass_flag_ratio(struct kctx *k, const uint32_t *t, uint16_t bit,
    uint16_t known)
{
	const struct kpass	 P = k->p;
	const uint16_t		*fl = k->s->ix.flags;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	int64_t			 c;

	for (size_t i = 0; i < n; i++) {
		/* a record whose data cannot say is left out: no data is
		 * not "no" */
		if (!(fl[i] & known) || (c = kp_cell(&P, i, t[i])) < 0)
			continue;
		k->den[c] += 1;
		k->num[c] += (fl[i] & bit) != 0;
	}
}

/*
 * fcr_rate.  A record with an explicit resolved flag (a call-centre
 * export: "resolved on this call") counts by the flag, placed by its
 * solve time or else its creation, unless it was abandoned.  Any other
 * record counts once resolved, placed by its solve time: resolved on
 * first contact when it had at most K agent replies (if known), was never
 * reopened, and its customer (if known) made no new contact within N days
 * after the first solve.
 */
static void
pass_fcr(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created, *s1 = k->s->ix.solve1;
	const uint32_t		*rs = k->o->resolution_final ?
				    k->s->ix.solve2 : k->s->ix.solve1;
	const uint32_t		*nx = k->s->ix.next_contact;
	const uint16_t		*fl = k->s->ix.flags;
	const uint8_t		*rp = k->s->ix.replies;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	uint32_t		 K = k->o->fcr_k > 253 ? 253 :
				    (uint32_t)k->o->fcr_k;
	uint32_t		 N = k->o->fcr_n_days > 49000 ? 49000u * 86400 :
				    (uint32_t)k->o->fcr_n_days * 86400u;
	int64_t			 c;
	uint16_t		 f;

	for (size_t i = 0; i < n; i++) {
		f = fl[i];
		if (f & IXF_RES_SET) {
			if (f & IXF_ABANDONED)
				continue;
			c = kp_cell(&P, i, s1[i] != SNAP_NONE ? s1[i] : cr[i]);
			if (c < 0)
				continue;
			k->den[c] += 1;
			k->num[c] += (f & IXF_RES_YES) != 0;
			continue;
		}
		if ((c = kp_cell(&P, i, rs[i])) < 0)
			continue;
		k->den[c] += 1;
		k->num[c] += !(f & IXF_REOPENED) &&
		    (rp[i] == IX_REPLIES_NONE || rp[i] <= K) &&
		    (nx[i] == SNAP_NONE || nx[i] - s1[i] > N);
	}
}

/* aht, asa, abandon_rate, service_level: contacts placed by created_at. */
static void
pass_queue(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*cr = k->s->ix.created, *q = k->s->ix.queued;
	const uint32_t		*h = k->s->ix.handle;
	const uint16_t		*fl = k->s->ix.flags;
	size_t			 n = k->s->n[DS_INTERACTIONS];
	uint32_t		 shrt = ceil32(k->o->short_abandon_s);
	uint32_t		 sl = floor32(k->o->sl_threshold_s);
	int64_t			 c;
	uint16_t		 f;

	for (size_t i = 0; i < n; i++) {
		if ((c = kp_cell(&P, i, cr[i])) < 0)
			continue;
		f = fl[i];
		switch (k->id) {
		case KPI_AHT:
			if ((f & IXF_HANDLED) && h[i] != SNAP_NONE) {
				k->num[c] += h[i];
				k->den[c] += 1;
			}
			break;
		case KPI_ASA:
			if ((f & IXF_ANSWERED) && q[i] != SNAP_NONE) {
				k->num[c] += q[i];
				k->den[c] += 1;
			}
			break;
		case KPI_ABANDON:
			if (f & IXF_ANSWERED)
				k->den[c] += 1;
			else if ((f & IXF_ABANDONED) &&
			    (q[i] == SNAP_NONE || q[i] >= shrt)) {
				k->den[c] += 1;
				k->num[c] += 1;
			}
			break;
		default:	/* service level */
			if ((f & IXF_ANSWERED) && q[i] != SNAP_NONE) {
				k->den[c] += 1;
				k->num[c] += q[i] <= sl;
			} else if ((f & IXF_ABANDONED) &&
			    (q[i] == SNAP_NONE || q[i] >= shrt))
				k->den[c] += 1;
			break;
		}
	}
}

enum err_code
kpi_pass_ix(struct kctx *k)
{
	switch (k->id) {
	case KPI_VOLUME:
		pass_volume(k);
		break;
	case KPI_FRT_AVG:
	case KPI_FRT_MEDIAN:
	case KPI_FRT_P90:
	case KPI_FRT_WITHIN:
		pass_frt(k);
		break;
	case KPI_RES_MEDIAN:
	case KPI_RES_P90:
		pass_resolution(k);
		break;
	case KPI_BACKLOG:
	case KPI_UNANSWERED:
		return pass_backlog(k);
	case KPI_SLA:
		pass_sla(k);
		break;
	case KPI_REOPEN:
		pass_flag_ratio(k, k->o->resolution_final ? k->s->ix.solve2 :
		    k->s->ix.solve1, IXF_REOPENED, IXF_REOPEN_KNOWN);
		break;
	case KPI_ESCALATION:
		pass_flag_ratio(k, k->s->ix.created, IXF_ESCALATED,
		    IXF_ESC_KNOWN);
		break;
	case KPI_FCR:
		pass_fcr(k);
		break;
	case KPI_AHT:
	case KPI_ASA:
	case KPI_ABANDON:
	case KPI_SERVICE_LEVEL:
		pass_queue(k);
		break;
	default:
		return err_set(k->e, ERR_INTERNAL, "kpi %d is not an "
		    "interaction kpi", (int)k->id);
	}
	return ERR_OK;
}
