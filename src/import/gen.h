/*
 * gen.h: synthetic support data, written as native CSV exports.
 *
 * okrdesk gen, the demo workspace, the unit tests of the KPI engine and
 * make bench need data that looks like a real help desk and contact
 * center without carrying anyone's customers.  The generator writes the
 * seven datasets of kpi/dataset.h in their native shape: a header with
 * every field of the dataset in catalog order, times as ISO 8601 UTC
 * (2026-10-01T09:12:33Z), booleans true/false, durations in whole
 * seconds, empty for missing, RFC 4180 quoting where a value needs it.
 *
 * Everything is a function of the options: the same options (seed
 * included) give the same bytes, and one dataset's bytes do not depend on
 * which others are written.  Each interaction draws from its own random
 * stream (seeded from the seed and its row number), so the surveys and QA
 * reviews of an interaction are the same whether or not interactions.csv
 * is written too.
 *
 * The model (all hours UTC; the export is taken at the end of the window,
 * "now", so work still running then is open, unanswered or unsolved):
 *
 *   arrivals   rows spread over the window by an intensity of weekday
 *              (Mon..Sun 1.15 1.10 1.05 1.00 0.95 0.45 0.35) times hour of
 *              day (peak 09-11 and 14-15, trough 00-04, see gen.c) times
 *              a day-to-day factor (log-normal, sigma 0.08); rows are in
 *              creation order
 *   channels   email 35%, chat 25%, phone 25%, web 10%, social 5%
 *   priority   low 30%, normal 50%, high 15%, urgent 5%
 *   teams      "Tier 1", "Tier 2", "Billing", "Technical", "Onboarding",
 *              "Returns", "Enterprise", "Social Care", "Team 9"... with
 *              volume weights 40 15 15 12 8 8 6 6 5...; escalation rate
 *              14% in Tier 1, 1% in Tier 2, 5% elsewhere
 *   business   Mon-Fri 08:00-18:00; email, web and social are answered
 *              and solved in business time (a ticket sent on Saturday is
 *              answered on Monday); first reply log-normal in business
 *              seconds, median email 90 min, web 2 h, social 45 min,
 *              sigma 1.1, times 0.3 / 0.6 / 1 / 1.5 for urgent / high /
 *              normal / low; resolution log-normal in business seconds
 *              after the first reply, median 2 h / 4 h / 8 h / 12 h by
 *              priority, sigma 1.2, times 2.5 when escalated
 *   queues     phone and chat wait in a queue (log-normal, median 12 s
 *              phone, 40 s chat, sigma 1.0, times 2.5 outside business
 *              hours); a caller's patience is exponential (mean 300 s
 *              phone, 900 s chat) and a contact whose patience runs out
 *              first is abandoned; 3% of calls hang up in the IVR
 *              (neither answered nor abandoned, no queue time); talk
 *              log-normal median 240 s (sigma 0.6), hold on 35% of calls
 *              (median 50 s), wrap median 40 s; a call carries the
 *              explicit resolved flag (74%); a chat is solved in the
 *              chat 70% of the time unless escalated (3-12 agent
 *              messages, talk median 600 s); the rest are followed up
 *              in business time like tickets
 *   reopen     15% of solved tickets reopen (25% when escalated), 10%
 *              of chats solved in the chat, none of the calls solved on
 *              the call; a fifth of those twice; 2 to 4 days after the
 *              solve, solved again in business time (median 4 h)
 *   SLA        first reply due in 1 / 4 / 8 / 24 business hours by
 *              priority (chat: 120 s), resolution due in 8 / 24 / 40 / 60
 *              business hours; met when the event comes by the due time;
 *              breached when it is still pending past due at now; empty
 *              while pending and not yet due
 *   customers  75% started in the 3 years before the window, 25% during
 *              it; churn is a constant 2% a month (an exponential
 *              lifetime, mean 50 months); a contact comes from a
 *              customer active at that time, about 0.67 contacts per
 *              customer a month, so repeat contacts within a week exist
 *   surveys    of the interactions solved by now: 60% get a CSAT survey
 *              (1-5), 10% NPS (0-10), 5% CES (1-7), sent an hour after
 *              the solve; 25% answer, a log-normal 4 h later; the score
 *              falls with the customer's wait (a latent 4.5 - 0.28
 *              ln(1 + wait / 600 s), minus 0.8 when reopened, minus 0.4
 *              when escalated, plus normal noise sigma 0.8)
 *   qa         3% of solved interactions with an agent, 1-7 days later;
 *              score normal around 84 plus the agent's skill, 0-100,
 *              critical failure on 3% (the raw score stays written)
 *   training   each agent takes a course in 40% of the weeks, 0.5-4 h
 *   kb_audits  an article is audited in 60% of the 30-day periods,
 *              accurate 88%
 *   agents     allotted to teams by volume, one lead each; hired 1 month
 *              to 5 years before the window
 *
 * Ownership: options are the caller's; outputs are written through the
 * caller's callbacks or into files the generator creates.
 */
#ifndef IMPORT_GEN_H
#define IMPORT_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "kpi/dataset.h"

#define GEN_TEAMS_MAX	64
#define GEN_AGENTS_MAX	1000000
#define GEN_DAYS_MAX	3660		/* ten years of window */
#define GEN_ALL		((1u << DS__MAX) - 1)

/* Where one dataset's bytes go: called with chunks of about 1 MiB. */
struct gen_out {
	enum err_code	(*write)(void *arg, const char *p, size_t n,
			    struct err *e);
	void		 *arg;
};

struct gen_opts {
	uint64_t	 seed;
	int64_t		 rows;		/* interactions */
	int64_t		 from;		/* first instant, seconds UTC */
	int64_t		 to;		/* end of the window (exclusive): now */
	int		 teams;		/* 1..GEN_TEAMS_MAX */
	int		 agents;	/* 0: derived from rows */
	unsigned	 datasets;	/* bits 1u << DS_x */
	/* Called now and then while interactions are made (may be NULL). */
	void		(*progress)(void *arg, int64_t done, int64_t total);
	void		 *progress_arg;
};

/*
 * Defaults: seed 1, 10,000 rows, the window 2026-07-01 to 2026-12-31
 * (both whole days), 5 teams, agents derived, every dataset.
 */
void		gen_defaults(struct gen_opts *);

/* Check the options (rows >= 1, a window of 1 day to GEN_DAYS_MAX
 * days, teams and agents in range, at least one dataset); ERR_INVAL
 * naming the option otherwise. */
enum err_code	gen_check(const struct gen_opts *, struct err *);

/* The number of agents the options give (--agents, or one per 2,500
 * rows, at least 2 per team, at most 5,000). */
int		gen_agents(const struct gen_opts *);
/* The number of customers (about 0.67 contacts a month each). */
int64_t		gen_customers(const struct gen_opts *);

/* The name of team t (0-based): "Tier 1", ..., "Team 9", ... */
const char	*gen_team_name(int t, char *tmp, size_t sz);

/*
 * Generate the datasets selected in o->datasets, writing each to out[ds]
 * (unselected ones may have a NULL write).  counts[ds], when counts is not
 * NULL, receives the rows written (headers not counted).
 */
enum err_code	gen_run(const struct gen_opts *o,
		    const struct gen_out out[DS__MAX],
		    int64_t counts[DS__MAX], struct err *e);

/*
 * As gen_run, into DIR/<dataset>.csv.  Each file is written to
 * DIR/.<dataset>.csv.tmp, synced, and renamed into place only once every
 * selected file is complete, so a failure leaves the previous files as
 * they were and no temporary file behind.
 */
enum err_code	gen_dir(const struct gen_opts *o, const char *dir,
		    int64_t counts[DS__MAX], struct err *e);

#endif /* IMPORT_GEN_H */
