/*
 * cmd-status.c: okrdesk status: where a cycle stands, as the alignment
 * tree (company -> department -> team -> person).
 *
 * Everything shown comes from one eval_cycle() (okr/eval.h): this file
 * only lays it out, as an aligned text tree for people or as one JSON
 * document (documented in docs/cli.md, "status") for scripts.  An
 * objective aligned to several parents is listed under each, but its key
 * results and children are spelled out the first time only.
 */
#include <sys/ioctl.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "okr/kpilink.h"
#include "core/clock.h"
#include "okr/eval.h"
#include "okr/evaljson.h"
#include "core/text.h"

#define BAR_CELLS	20
#define TITLE_MIN	30	/* the title column, indentation included, */
#define TITLE_MAX	64	/* is cut to fit a terminal between these */
#define OWNER_MAX	18
/* Columns right of the owner: bar, percent, status, confidence and a
 * typical value ("71.5 → 85%  (forecast 76.2, grade 0.6)"). */
#define RIGHT_COLS	(2 + BAR_CELLS + 5 + 2 + 9 + 2 + 10 + 2 + 39)

static int cmd_status(struct cli *, int, char **);

const struct cmd_entry cmd_status_entry = {
	"status", cmd_status, CMD_WORKSPACE,
	"where the cycle stands: progress, pace and status of every OKR",
	"usage: okrdesk status [--cycle CYCLE] [--team TEAM] [--json]\n\n"
	"Show every objective of the cycle as the alignment tree (company,\n"
	"departments, teams, people), each with its key results: progress as\n"
	"a bar (the '|' marks the pace expected by now), percent, status,\n"
	"the latest confidence (with an arrow when it moved since the check-in\n"
	"before) and, for key results, the current value against the target.\n\n"
	"Status: on track (progress >= 0.7 of the expected pace), at risk\n"
	"(>= 0.4), off track, outdated (a key result updated by hand with no\n"
	"check-in for cadence + grace days), no data, done.  See\n"
	"docs/progress.md for the math.\n\n"
	"  --cycle CYCLE   the cycle to show (default: the current one)\n"
	"  --team TEAM     only objectives owned by TEAM, the teams below it\n"
	"                  and their people\n"
	"  --json          one JSON document (see docs/cli.md)\n\n"
	"Colour only on a terminal, and never when NO_COLOR is set.\n\n"
	"example: okrdesk status --team \"Tier 1\"\n\n"
	"Exit status: 0 shown, 1 failed (no cycle, unknown team), 2 bad usage.\n"
};

/* One printed line: an objective, or one of its key results. */
struct row {
	const struct obj_eval	*oe;
	const struct kr_eval	*ke;	/* NULL for the objective's line */
	int			 level;
	int			 repeat;	/* shown in full elsewhere */
};

struct status {
	struct cli		*cli;
	const struct cycle_eval	*ce;
	size_t			 team;	/* --team, or EVAL_NONE */
	struct row		*rows;
	size_t			 nrows, cap;
	unsigned char		*shown;	/* per objective: already in full */
	size_t			 count[STATUS__MAX];
};

/* The words every face uses for a status (okr/progress.h). */
static const char *const *const status_words = okr_status_words;

static const char *const status_sgr[STATUS__MAX] = {
	[STATUS_ON_TRACK] = "\033[32m",
	[STATUS_AT_RISK] = "\033[33m",
	[STATUS_OFF_TRACK] = "\033[31m",
	[STATUS_OUTDATED] = "\033[90m",
	[STATUS_NO_DATA] = "\033[90m",
	[STATUS_DONE] = "\033[1;32m",
};

/* What a key result stands at, in its kind's words. */
static void
put_kr_value(struct buf *b, const struct kr_eval *ke)
{
	const struct kr	*k = ke->kr;

	switch (k->kind) {
	case KR_INCREASE:
	case KR_DECREASE:
		/* "8.6 → 6 h": the unit once, after the target */
		text_put_num(b, ke->ev.current, 0);
		buf_puts(b, " → ");
		text_put_num(b, k->target, 0);
		text_put_unit(b, k->unit);
		/* pace.h waits for 3 points: two a few days apart project
		 * wildly */
		if (!isnan(ke->pace.projected_value)) {
			buf_puts(b, "  (forecast ");
			text_put_num(b, ke->pace.projected_value, 0);
			if (!isnan(ke->pace.projected_grade))
				buf_printf(b, ", grade %.1f",
				    ke->pace.projected_grade);
			buf_putc(b, ')');
		}
		break;
	case KR_BAND:
		text_put_num(b, ke->ev.current, 0);
		text_put_unit(b, k->unit);
		buf_puts(b, " in ");
		text_put_band(b, k->low, k->high, k->unit);
		break;
	case KR_BOOLEAN:
		buf_puts(b, isnan(ke->ev.current) ? "—" :
		    ke->ev.current >= 1 ? "yes" : "not yet");
		break;
	case KR_MILESTONES:
		buf_printf(b, "%zu of %zu milestones", ke->ms_done, k->nms);
		break;
	default:
		break;
	}
}

/*
 * The progress bar, the expected pace marked with '|': filled cells in the
 * status colour, empty ones dim, the marker plain so it stands out.
 */
static void
put_bar(struct status *st, struct buf *b, double progress, double expected,
    enum okr_status s)
{
	const struct cli *cli = st->cli;
	const char	*sgr, *cur = NULL;
	long		 fill = 0, mark, i;

	if (!isnan(progress))
		fill = lround(progress * BAR_CELLS);
	/* an objective without key results expects what the calendar does */
	if (isnan(expected))
		expected = st->ce->expected;
	mark = (long)(expected * BAR_CELLS);
	if (mark >= BAR_CELLS)
		mark = BAR_CELLS - 1;
	for (i = 0; i < BAR_CELLS; i++) {
		sgr = i == mark ? SGR_RESET : i < fill ? status_sgr[s] :
		    SGR_DIM;
		if (sgr != cur)
			buf_printf(b, "%s%s", cli_sgr(cli, SGR_RESET),
			    cli_sgr(cli, sgr));
		cur = sgr;
		buf_puts(b, i == mark ? "|" : i < fill ? "█" : "░");
	}
	buf_puts(b, cli_sgr(cli, SGR_RESET));
}

static void
put_owner(const struct objective *ob, char *s, size_t sz)
{
	snprintf(s, sz, "%s", ob->team != NULL ? ob->team :
	    ob->person != NULL ? ob->person : "");
}

/* The text of a row's title cell, indentation included. */
static void
row_title(const struct row *r, struct buf *b)
{
	buf_repeat(b, "  ", (size_t)r->level);
	if (r->ke != NULL)
		buf_printf(b, "  · %s", r->ke->kr->title);
	else
		buf_puts(b, r->oe->obj->title);
}

static int
keep_team(const struct cycle_eval *ce, const struct obj_eval *oe, void *arg)
{
	const struct status	*st = arg;

	return st->team == EVAL_NONE || eval_owned_under(ce, oe, st->team);
}

static int
add_row(struct status *st, const struct obj_eval *oe,
    const struct kr_eval *ke, int level, int repeat)
{
	struct row	*r;

	if ((r = ARENA_PUSH(&st->cli->arena, st->rows, st->nrows, st->cap))
	    == NULL)
		return -1;
	r->oe = oe;
	r->ke = ke;
	r->level = level;
	r->repeat = repeat;
	return 0;
}

static int
collect(const struct cycle_eval *ce, const struct obj_eval *oe, int level,
    void *arg)
{
	struct status	*st = arg;
	size_t		 i, idx = (size_t)(oe - ce->objs);

	if (st->shown[idx])
		return add_row(st, oe, NULL, level, 1);
	st->shown[idx] = 1;
	if (add_row(st, oe, NULL, level, 0) < 0)
		return -1;
	for (i = 0; i < oe->nkrs; i++) {
		st->count[oe->krs[i].ev.status]++;
		if (add_row(st, oe, &oe->krs[i], level, 0) < 0)
			return -1;
	}
	return 0;
}

/*
 * Under a KPI-fed key result, where its value comes from: the KPI and
 * segment, the window, n and the ratio's parts.
 */
static void
put_lineage(struct status *st, struct buf *b, const struct kr *k, int level)
{
	const struct cli	*cli = st->cli;
	json_t			*j;
	json_error_t		 je;
	char			*text;
	double			 num, den;

	buf_repeat(b, " ", (size_t)(2 * level + 4));
	buf_printf(b, "%s↳ %s", cli_sgr(cli, SGR_DIM), k->kpi);
	if (k->kpi_filter != NULL)
		buf_printf(b, " [%s]", k->kpi_filter);
	if (kpilink_lineage(cli->okr, k->id, &((struct cli *)cli)->arena,
	    &text, NULL) != ERR_OK || text == NULL ||
	    (j = json_loads(text, 0, &je)) == NULL) {
		buf_printf(b, ": no data yet%s\n", cli_sgr(cli, SGR_RESET));
		return;
	}
	buf_printf(b, ", %.10s..%.10s: n %lld",
	    json_string_value(json_object_get(j, "from")),
	    json_string_value(json_object_get(j, "to")),
	    (long long)json_integer_value(json_object_get(j, "n")));
	num = json_number_value(json_object_get(j, "numerator"));
	den = json_number_value(json_object_get(j, "denominator"));
	if (json_object_get(j, "numerator") != NULL &&
	    json_object_get(j, "denominator") != NULL)
		buf_printf(b, ", %g / %g", num, den);
	buf_printf(b, "%s\n", cli_sgr(cli, SGR_RESET));
	json_decref(j);
}

/* One line: title, owner, bar, percent, status, confidence, value. */
static void
put_row(struct status *st, struct buf *b, const struct row *r, int first,
    size_t tw, size_t ow)
{
	const struct cli	*cli = st->cli;
	struct buf		 t = BUF_INIT;
	char			 owner[256], pct[16];
	double			 progress, expected;
	enum okr_status		 s;

	row_title(r, &t);
	if (r->ke != NULL) {
		snprintf(owner, sizeof(owner), "%s", r->ke->kr->owner != NULL ?
		    r->ke->kr->owner : "");
		progress = r->ke->ev.progress;
		expected = r->ke->ev.expected;
		s = r->ke->ev.status;
	} else {
		put_owner(r->oe->obj, owner, sizeof(owner));
		progress = r->oe->ev.progress;
		expected = r->oe->ev.expected;
		s = r->oe->ev.status;
	}
	if (r->ke == NULL && r->level == 0 && !first)
		buf_putc(b, '\n');
	if (r->ke == NULL)
		buf_puts(b, cli_sgr(cli, SGR_BOLD));
	text_cell(b, buf_cstr(&t), tw);
	if (r->ke == NULL)
		buf_puts(b, cli_sgr(cli, SGR_RESET));
	buf_puts(b, "  ");
	text_cell(b, owner, ow);
	buf_puts(b, "  ");
	if (r->repeat) {
		buf_printf(b, "%s(listed in full above)%s\n",
		    cli_sgr(cli, SGR_DIM), cli_sgr(cli, SGR_RESET));
		buf_release(&t);
		return;
	}
	put_bar(st, b, progress, expected, s);
	if (isnan(progress))
		snprintf(pct, sizeof(pct), "   —");
	else
		snprintf(pct, sizeof(pct), "%3.0f%%", progress * 100);
	buf_printf(b, " %s  %s", pct, cli_sgr(cli, status_sgr[s]));
	text_cell(b, status_words[s], 9);
	buf_puts(b, cli_sgr(cli, SGR_RESET));
	if (r->ke != NULL) {
		buf_puts(b, "  ");
		if (isnan(r->ke->confidence))
			buf_repeat(b, " ", 9);
		else {
			buf_printf(b, "conf %.1f", r->ke->confidence);
			if (isnan(r->ke->prev_confidence) ||
			    fabs(r->ke->confidence - r->ke->prev_confidence)
			    < 1e-9)
				buf_putc(b, ' ');
			else
				buf_puts(b, r->ke->confidence >
				    r->ke->prev_confidence ? "↑" : "↓");
		}
		buf_puts(b, "  ");
		put_kr_value(b, r->ke);
	}
	/* no trailing blanks */
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	buf_putc(b, '\n');
	buf_release(&t);
	if (r->ke != NULL && r->ke->kr->kpi != NULL)
		put_lineage(st, b, r->ke->kr, r->level);
}

/*
 * The widest title column that fits the terminal (TITLE_MAX when the
 * output is not a terminal, so a file or pipe gets whole titles).
 */
static size_t
title_max(const struct cli *cli, size_t ow)
{
	struct winsize	 w;
	size_t		 cols;

	if (!cli->tty || ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) != 0 ||
	    w.ws_col == 0)
		return TITLE_MAX;
	cols = w.ws_col;
	if (cols < TITLE_MIN + 2 + ow + RIGHT_COLS)
		return TITLE_MIN;
	cols -= 2 + ow + RIGHT_COLS;
	return cols > TITLE_MAX ? TITLE_MAX : cols;
}

static int
status_text(struct status *st)
{
	const struct cycle_eval	*ce = st->ce;
	struct cli		*cli = st->cli;
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	char			 d0[16], d1[16], today[16], owner[256];
	size_t			 i, n, tw = 5, ow = 5, total = 0;
	int			 rc, first;

	if ((st->shown = arena_calloc(&cli->arena, ce->nobjs + 1, 1)) == NULL ||
	    eval_walk(ce, keep_team, collect, st, &cli->arena) != 0)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
	clock_fmt_date(ce->start, d0, sizeof(d0));
	clock_fmt_date(ce->end - 1, d1, sizeof(d1));
	clock_fmt_date(ce->now, today, sizeof(today));
	buf_printf(&b, "%s%s%s  ·  %s (%s → %s)  ·  %s, week %d of %d  ·  "
	    "expected pace %.0f%% (|)\n", cli_sgr(cli, SGR_BOLD),
	    cli->okr->ws.name, cli_sgr(cli, SGR_RESET), ce->cycle.name, d0,
	    d1, today, ce->week, ce->nweeks, ce->expected * 100);
	if (st->team != EVAL_NONE)
		buf_printf(&b, "objectives of %s and the teams and people "
		    "below it\n", ce->teams[st->team].team->name);
	buf_putc(&b, '\n');
	if (st->nrows == 0)
		buf_printf(&b, "no objectives in cycle %s%s yet: add one with "
		    "'okrdesk objective add'\n", ce->cycle.name,
		    st->team != EVAL_NONE ? " for this team" : "");

	for (i = 0; i < st->nrows; i++) {
		buf_reset(&t);
		row_title(&st->rows[i], &t);
		if ((n = text_width(buf_cstr(&t))) > tw)
			tw = n;
		if (st->rows[i].ke != NULL)
			snprintf(owner, sizeof(owner), "%s",
			    st->rows[i].ke->kr->owner != NULL ?
			    st->rows[i].ke->kr->owner : "");
		else
			put_owner(st->rows[i].oe->obj, owner, sizeof(owner));
		if ((n = text_width(owner)) > ow)
			ow = n > OWNER_MAX ? OWNER_MAX : n;
	}
	if (tw > (n = title_max(cli, ow)))
		tw = n;
	for (i = 0; i < st->nrows; i++)
		put_row(st, &b, &st->rows[i], i == 0, tw, ow);

	for (i = 0; i < STATUS__MAX; i++)
		total += st->count[i];
	if (total > 0) {
		buf_printf(&b, "\n%zu key result%s:", total,
		    total == 1 ? "" : "s");
		for (i = 0, first = 1; i < STATUS__MAX; i++) {
			if (st->count[i] == 0)
				continue;
			buf_printf(&b, "%s %s%zu %s%s", first ? "" : ",",
			    cli_sgr(cli, status_sgr[i]), st->count[i],
			    status_words[i], cli_sgr(cli, SGR_RESET));
			first = 0;
		}
		buf_putc(&b, '\n');
	}
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	buf_release(&t);
	return rc;
}

static int
status_json(struct status *st)
{
	return cli_json_print(st->cli, evaljson_status(st->cli->okr, st->ce,
	    st->team));
}

static int
cmd_status(struct cli *cli, int argc, char **argv)
{
	struct cycle_eval	 ce;
	struct status		 st;
	const char		*cycle = NULL, *team = NULL;
	int			 i, r, json = 0;

	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			json = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "cycle", &cycle)) == 0)
			r = cli_opt(cli, argc, argv, &i, "team", &team);
		if (r < 0)
			return 2;
		if (r == 0)
			return cli_usage(cli, &cmd_status_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	memset(&st, 0, sizeof(st));
	st.cli = cli;
	st.ce = &ce;
	if ((r = cli_eval(cli, cycle, team, &ce, &st.team)) != 0)
		return r;
	return json ? status_json(&st) : status_text(&st);
}
