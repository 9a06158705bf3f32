/*
 * close_test.h: the graded cycle shared by test_close.c and
 * test_review.c, on top of okr_test.h's workspace (UTC; cycle 2026-Q4,
 * 2026-10-01 to 2026-12-31, 92 days, 14 weeks; objective "nps" of
 * Tier 1, committed).  The clock is moved to 2027-01-01T12:00Z, after the
 * cycle's end, so the cycle can be closed; every value below is worked
 * out by hand where it is asserted.
 *
 *   nps (committed, Tier 1)
 *     score  increase 20 -> 45: 30 on Oct 20, 40 on Dec 28
 *            progress (40 - 20) / (45 - 20) = 0.8, on track
 *     done   boolean: 1 on Dec 20, done
 *            objective (0.8 + 1) / 2 = 0.9 -> grade 0.9, below 1.0:
 *            a committed objective that needs a post-mortem
 *   asp (aspirational, Ana of Tier 1, aligned to nps)
 *     sla    band 90..100: 95 on Oct 1, 85 on Nov 5, 92 on Nov 19,
 *            93 on Dec 30: weeks 1-5 inside, 6-7 outside (85), 8-14
 *            inside: 12 / 14 = 0.857
 *     rate   increase 10 -> 50: 30 on Dec 29: (30 - 10) / 40 = 0.5
 *            objective (0.857 + 0.5) / 2 = 0.679 -> grade 0.7: an
 *            aspirational success
 */
#ifndef TESTS_CLOSE_TEST_H
#define TESTS_CLOSE_TEST_H

#define CS		((int64_t)1790812800)	/* 2026-10-01T00:00Z */
#define AFTER_END	((int64_t)1798804800)	/* 2027-01-01T12:00Z */
#define AT(day, hour)	(CS + (int64_t)(day) * DAY + (int64_t)(hour) * 3600)

static inline enum err_code
build_graded_cycle(struct fx *f)
{
	const char *const up[] = { "nps" };
	struct objective	 ob;
	enum err_code		 rc;

	f->o->now = AFTER_END;
	objective_defaults(&ob);
	ob.key = (char *)"asp";
	ob.title = (char *)"An aspirational objective";
	ob.cycle = (char *)"2026-Q4";
	ob.person = (char *)"Ana";
	ob.kind = OBJ_ASPIRATIONAL;
	ob.aligns = (char **)(uintptr_t)up;
	ob.naligns = 1;
	if ((rc = objective_add(f->o, &ob, &f->e)) != ERR_OK ||
	    (rc = new_kr(f, "nps", "score", KR_INCREASE, 20, 45, NAN, NAN))
	    != ERR_OK ||
	    (rc = new_kr(f, "nps", "done", KR_BOOLEAN, NAN, NAN, NAN, NAN))
	    != ERR_OK ||
	    (rc = new_kr(f, "asp", "sla", KR_BAND, NAN, NAN, 90, 100))
	    != ERR_OK ||
	    (rc = new_kr(f, "asp", "rate", KR_INCREASE, 10, 50, NAN, NAN))
	    != ERR_OK)
		return rc;
	/* Oct 20 is day 19, Dec 28 day 88, Dec 20 day 80; Nov 5 day 35,
	 * Nov 19 day 49, Dec 29 day 89, Dec 30 day 90 */
	if ((rc = checkin(f, "nps/score", 30, NAN, AT(19, 12))) != ERR_OK ||
	    (rc = checkin(f, "nps/score", 40, 0.8, AT(88, 12))) != ERR_OK ||
	    (rc = checkin(f, "nps/done", 1, NAN, AT(80, 12))) != ERR_OK ||
	    (rc = checkin(f, "asp/sla", 95, NAN, AT(0, 12))) != ERR_OK ||
	    (rc = checkin(f, "asp/sla", 85, NAN, AT(35, 12))) != ERR_OK ||
	    (rc = checkin(f, "asp/sla", 92, NAN, AT(49, 12))) != ERR_OK ||
	    (rc = checkin(f, "asp/sla", 93, NAN, AT(90, 12))) != ERR_OK ||
	    (rc = checkin(f, "asp/rate", 30, NAN, AT(89, 12))) != ERR_OK)
		return rc;
	return ERR_OK;
}

/* Write the post-mortem of nps that the close requires. */
static inline enum err_code
write_postmortem(struct fx *f, const char *text)
{
	struct objective	 old, nw;
	enum err_code		 rc;

	if ((rc = objective_get(f->o, "nps", &f->a, &old, &f->e)) != ERR_OK)
		return rc;
	nw = old;
	nw.postmortem = (char *)text;
	return objective_update(f->o, &old, &nw, &f->e);
}

/*
 * n CSAT responses on day (0 = Oct 1) at 10:00Z, sat of them satisfied
 * (5 of 5; the others 2), written straight into the store as an import
 * would; ids "s<day>-<i>".
 */
static inline enum err_code
csat_day(struct fx *f, int day, int n, int sat)
{
	enum err_code	 rc;
	char		 id[32];
	int		 i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "s%d-%d", day, i);
		if ((rc = store_exec(f->o->st, STMT_DS_SURVEYS_UPSERT, &f->e,
		    "tttrrriittt", id, NULL, "csat", 1.0, 5.0,
		    i < sat ? 5.0 : 2.0, AT(day, 9), AT(day, 10), NULL, NULL,
		    NULL)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/*
 * The KPI cycle, on okr_test.h's workspace alone (not the graded one):
 * nps (committed, Tier 1) with two KPI-fed key results, in this order:
 *
 *   reach  increase 0 -> 50 NPS, follows the KPI nps: no NPS data at all
 *   csat   increase 50 -> 90 %, follows the KPI csat over the cycle:
 *          Oct 6  (day 5):  10 responses, 6 satisfied
 *          Nov 10 (day 40): 10 responses, 5 satisfied
 *          Dec 15 (day 75): 10 responses, 8 satisfied
 *
 * At the end (2027-01-01T00:00Z): the first 4 weeks are [Oct 1, Oct 29)
 * (Oct 6 only: 6 / 10 = 0.6, n 10), the last 4 weeks [Dec 4, Jan 1)
 * (Dec 15 only: 8 / 10 = 0.8, n 10): CSAT moved better.  The final value
 * of csat is the cycle to date: (6 + 5 + 8) / 30 = 63.33%; reach has no
 * data (counted 0), so nps grades (0 + (63.33 - 50) / 40) / 2 = 0.1667,
 * 0.2: a post-mortem is needed.
 */
static inline enum err_code
build_kpi_cycle(struct fx *f)
{
	struct kr	 k;
	enum err_code	 rc;

	f->o->now = AFTER_END;
	kr_init(&k, "nps", "reach");
	k.kind = KR_INCREASE;
	k.unit = (char *)"NPS";
	k.baseline = 0;
	k.target = 50;
	k.kpi = (char *)"nps";
	if ((rc = kr_add(f->o, &k, &f->e)) != ERR_OK)
		return rc;
	kr_init(&k, "nps", "csat");
	k.kind = KR_INCREASE;
	k.unit = (char *)"%";
	k.baseline = 50;
	k.target = 90;
	k.kpi = (char *)"csat";
	if ((rc = kr_add(f->o, &k, &f->e)) != ERR_OK ||
	    (rc = csat_day(f, 5, 10, 6)) != ERR_OK ||
	    (rc = csat_day(f, 40, 10, 5)) != ERR_OK)
		return rc;
	return csat_day(f, 75, 10, 8);
}

#endif /* TESTS_CLOSE_TEST_H */
