/*
 * cmd-kr.c: okrdesk kr add|edit|list|show|rm: key results.
 *
 * A key result is named OBJECTIVE/KR.  Beyond the field table it takes
 * --milestone TITLE[:WEIGHT] (repeatable, for kind milestones); on edit
 * the first --milestone replaces the list (done marks of titles that stay
 * are kept).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/entity.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"

static void
kr_defaults_v(void *p)
{
	kr_defaults(p);
}

/* "OBJ/KR": the objective goes to kr->objective, the rest is the key. */
static enum err_code
kr_ident_v(void *p, const char *ref, struct arena *a, struct err *e)
{
	struct kr	*k = p;
	const char	*slash;

	if ((slash = strchr(ref, '/')) == NULL || slash == ref)
		return err_setf(e, ERR_INVAL, "kr", "expected a key result as "
		    "OBJECTIVE/KR (nps-70/nps), got \"%s\"", ref);
	if ((k->objective = arena_strdup(a, ref)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	k->objective[slash - ref] = '\0';
	return field_set(kr_fields, k, "key", slash + 1, a, e);
}

static int64_t
kr_id_v(const void *p)
{
	return ((const struct kr *)p)->id;
}

static enum err_code
kr_get_v(struct okr *o, const char *ref, struct arena *a, void *p,
    struct err *e)
{
	return kr_get(o, ref, a, p, e);
}

static enum err_code
kr_list_v(struct okr *o, const char *cycle, struct arena *a, void *outp,
    size_t *n, struct err *e)
{
	return kr_list(o, cycle, a, outp, n, e);
}

/*
 * A key result fed by a KPI gets its points from the data at once, not at
 * the next import: the same sync an import runs, for this one.
 */
static enum err_code
kr_sync_one(struct okr *o, const struct kr *k, struct err *e)
{
	char		 ref[160];

	if (k->kpi == NULL)
		return ERR_OK;
	snprintf(ref, sizeof(ref), "%s/%s", k->objective, k->key);
	return kpilink_refresh(o, ref, NULL, NULL, e);
}

static enum err_code
kr_add_v(struct okr *o, void *p, struct err *e)
{
	enum err_code	rc;

	if ((rc = kr_add(o, p, e)) != ERR_OK)
		return rc;
	return kr_sync_one(o, p, e);
}

static enum err_code
kr_update_v(struct okr *o, const void *old, void *new, struct err *e)
{
	const struct kr	*a = old, *b = new;
	enum err_code	 rc;

	if ((rc = kr_update(o, old, new, e)) != ERR_OK)
		return rc;
	/* the link changed (or was set): recompute; a link removed leaves
	 * the points as history */
	if (kpilink_changed(a, b))
		return kr_sync_one(o, b, e);
	return ERR_OK;
}

static int
kr_extra_opt(struct cli *cli, int argc, char **argv, int *i, void *p,
    struct arena *a)
{
	static int		 replaced;	/* one command per process */
	struct kr		*k = p;
	struct milestone	*nv;
	const char		*v;
	int			 r;

	if ((r = cli_opt(cli, argc, argv, i, "milestone", &v)) <= 0)
		return r;
	if (!replaced) {
		k->ms = NULL;
		k->nms = 0;
		replaced = 1;
	}
	if ((nv = arena_calloc(a, k->nms + 1, sizeof(*nv))) == NULL) {
		err_set(&cli->err, ERR_NOMEM, "out of memory");
		return -1;
	}
	if (k->nms > 0)
		memcpy(nv, k->ms, k->nms * sizeof(*nv));
	if (milestone_parse(v, a, &nv[k->nms], &cli->err) != ERR_OK)
		return -1;
	k->ms = nv;
	k->nms++;
	return 1;
}

/* The fields are the driver's; the rest as the API gives it. */
static void
kr_extra_json(const void *p, json_t *j)
{
	json_t	*full = evaljson_kr_def(p);

	if (full != NULL) {
		json_object_update_missing(j, full);
		json_decref(full);
	}
}

static void
kr_extra_show(const void *p, struct buf *b)
{
	const struct kr	*k = p;
	char		 num[32];
	size_t		 i;

	buf_printf(b, "%-12s %s\n", "objective", k->objective);
	for (i = 0; i < k->nms; i++) {
		field_fmt_number(k->ms[i].weight, num, sizeof(num));
		buf_printf(b, "%-12s [%c] %s (weight %s)\n", "milestone",
		    k->ms[i].done_at ? 'x' : ' ', k->ms[i].title, num);
	}
}

static const char *const kr_columns[] = {
	"key", "kind", "unit", "baseline", "target", "owner", "title", NULL
};

static int cmd_kr(struct cli *, int, char **);

const struct cmd_entry cmd_kr_entry = {
	"kr", cmd_kr, CMD_WORKSPACE | CMD_WRITES,
	"key results: how an objective's progress is measured",
	"usage: okrdesk kr add OBJECTIVE/KR --title TITLE [OPTIONS]\n"
	"       okrdesk kr edit OBJECTIVE/KR [OPTIONS] [--unset FIELD]\n"
	"       okrdesk kr list [--cycle CYCLE] [--json]\n"
	"       okrdesk kr show OBJECTIVE/KR [--json]\n"
	"       okrdesk kr rm OBJECTIVE/KR\n\n"
	"A key result is measurable.  Its kind says how progress is read:\n"
	"  increase    from baseline up to target (FCR 65% -> 85%)\n"
	"  decrease    from baseline down to target (handle time 420 s -> 300 s)"
	"\n"
	"  band        keep the value within [low, high] (SLA 90..100%);\n"
	"              progress is the share of weeks inside the band\n"
	"  boolean     done (1) or not (0)\n"
	"  milestones  the weighted share of milestones done\n"
	"Without --kind: band if --low or --high is given, decrease if the\n"
	"target is below the baseline, else increase.\n\n"
	"options:\n"
	"  --title TEXT         the measurable result, in words\n"
	"  --kind KIND          increase, decrease, band, boolean, milestones\n"
	"  --unit UNIT          unit of the value (%, s, h, points)\n"
	"  --baseline N         value at the start\n"
	"  --target N           value to reach\n"
	"  --low N, --high N    band bounds (either may be left open)\n"
	"  --weight W           weight in the objective's progress (1)\n"
	"  --owner NAME         the person who checks in\n"
	"  --milestone T[:W]    a milestone and its weight (1); repeatable\n\n"
	"example: okrdesk kr add email-6h/frt --title \"Email first response"
	" under 6 h\" \\\n"
	"           --unit h --baseline 9.5 --target 6 --owner \"Ana Pop\"\n"
};

static const struct entity_cmd kr_cmd = {
	&cmd_kr_entry, "key result", kr_fields, sizeof(struct kr),
	kr_columns, 1, kr_defaults_v, kr_ident_v, kr_id_v, kr_get_v,
	kr_list_v, kr_add_v, kr_update_v, kr_rm, kr_extra_opt,
	kr_extra_json, kr_extra_show
};

static int
cmd_kr(struct cli *cli, int argc, char **argv)
{
	return entity_run(cli, &kr_cmd, argc, argv);
}
