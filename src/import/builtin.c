/*
 * builtin.c: the built-in import profiles, as the YAML texts users see
 * with `okrdesk profile show NAME` and may copy as a start for their own.
 *
 * Each text is parsed like a user's file (profile_builtin), so a built-in
 * profile can do nothing a user's cannot.  docs/profiles.md explains each
 * one; tests/unit/test_profile.c maps rows copied from each real file.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "import/profile.h"

const struct profile_info profile_builtins[] = {
	{ "okrdesk-interactions", "interactions",
	    "okrdesk's own interactions shape (what okrdesk gen writes)",
	    "# okrdesk-interactions: okrdesk's own interactions shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-interactions\n"
	    "description: okrdesk's own interactions shape (what okrdesk gen writes)\n"
	    "dataset: interactions\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  channel: channel\n"
	    "  team: team\n"
	    "  agent: agent\n"
	    "  customer: customer\n"
	    "  category: category\n"
	    "  priority: priority\n"
	    "  status: status\n"
	    "  created_at: created_at\n"
	    "  first_reply_at: first_reply_at\n"
	    "  solved_at: solved_at\n"
	    "  resolved_at: resolved_at\n"
	    "  closed_at: closed_at\n"
	    "  sla_due_at: sla_due_at\n"
	    "  reopen_count: reopen_count\n"
	    "  agent_replies: agent_replies\n"
	    "  escalated: escalated\n"
	    "  sla_first_reply_met: sla_first_reply_met\n"
	    "  sla_resolution_met: sla_resolution_met\n"
	    "  resolved: resolved\n"
	    "  answered: answered\n"
	    "  abandoned: abandoned\n"
	    "  queued_s: queued_s\n"
	    "  talk_s: talk_s\n"
	    "  hold_s: hold_s\n"
	    "  wrap_s: wrap_s\n"
	    "  excluded: excluded\n" },
	{ "okrdesk-surveys", "surveys",
	    "okrdesk's own surveys shape (what okrdesk gen writes)",
	    "# okrdesk-surveys: okrdesk's own surveys shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-surveys\n"
	    "description: okrdesk's own surveys shape (what okrdesk gen writes)\n"
	    "dataset: surveys\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  interaction_id: interaction_id\n"
	    "  kind: {column: kind, optional: false}\n"
	    "  scale_min: {column: scale_min, optional: false}\n"
	    "  scale_max: {column: scale_max, optional: false}\n"
	    "  score: score\n"
	    "  sent_at: sent_at\n"
	    "  responded_at: responded_at\n"
	    "  agent: agent\n"
	    "  team: team\n"
	    "  channel: channel\n" },
	{ "okrdesk-qa_reviews", "qa_reviews",
	    "okrdesk's own qa_reviews shape (what okrdesk gen writes)",
	    "# okrdesk-qa_reviews: okrdesk's own qa_reviews shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-qa_reviews\n"
	    "description: okrdesk's own qa_reviews shape (what okrdesk gen writes)\n"
	    "dataset: qa_reviews\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  interaction_id: interaction_id\n"
	    "  agent: agent\n"
	    "  team: team\n"
	    "  reviewer: reviewer\n"
	    "  reviewed_at: {column: reviewed_at, optional: false}\n"
	    "  score: {column: score, optional: false}\n"
	    "  critical_failed: critical_failed\n" },
	{ "okrdesk-training", "training",
	    "okrdesk's own training shape (what okrdesk gen writes)",
	    "# okrdesk-training: okrdesk's own training shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-training\n"
	    "description: okrdesk's own training shape (what okrdesk gen writes)\n"
	    "dataset: training\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  agent: {column: agent, optional: false}\n"
	    "  team: team\n"
	    "  date: {column: date, optional: false}\n"
	    "  hours: {column: hours, optional: false}\n"
	    "  course: course\n" },
	{ "okrdesk-kb_audits", "kb_audits",
	    "okrdesk's own kb_audits shape (what okrdesk gen writes)",
	    "# okrdesk-kb_audits: okrdesk's own kb_audits shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-kb_audits\n"
	    "description: okrdesk's own kb_audits shape (what okrdesk gen writes)\n"
	    "dataset: kb_audits\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  article: article\n"
	    "  team: team\n"
	    "  audited_at: {column: audited_at, optional: false}\n"
	    "  accurate: {column: accurate, optional: false}\n"
	    "  views: views\n" },
	{ "okrdesk-customers", "customers",
	    "okrdesk's own customers shape (what okrdesk gen writes)",
	    "# okrdesk-customers: okrdesk's own customers shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-customers\n"
	    "description: okrdesk's own customers shape (what okrdesk gen writes)\n"
	    "dataset: customers\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  started_at: started_at\n"
	    "  churned_at: churned_at\n"
	    "  churned: churned\n"
	    "  team: team\n" },
	{ "okrdesk-agents", "agents",
	    "okrdesk's own agents shape (what okrdesk gen writes)",
	    "# okrdesk-agents: okrdesk's own agents shape, what `okrdesk gen` writes.\n"
	    "# Columns are named as the fields; times are ISO 8601 (with Z or an\n"
	    "# offset, or else in the workspace's zone); durations are seconds;\n"
	    "# booleans true/false (yes/no, 1/0 also read); an empty value is missing.\n"
	    "# Columns of fields that are not required may be left out of the file.\n"
	    "name: okrdesk-agents\n"
	    "description: okrdesk's own agents shape (what okrdesk gen writes)\n"
	    "dataset: agents\n"
	    "optional: true\n"
	    "fields:\n"
	    "  id: {column: id, optional: false}\n"
	    "  name: name\n"
	    "  team: team\n"
	    "  role: role\n"
	    "  hired_at: hired_at\n" },
	{ "zendesk", "interactions",
	    "Zendesk tickets export (the multi-file Zendesk reader does the rest)",
	    "# zendesk: the Zendesk tickets export (tickets.csv as the Zendesk API and\n"
	    "# Fivetran's ticket table give it).  This profile maps that one file; the\n"
	    "# full export (comments for the first public agent reply, status history\n"
	    "# for solves and reopens, users and groups for names) is read by the\n"
	    "# Zendesk reader, which the import driver runs for `reader: zendesk`.\n"
	    "# Zendesk writes times in UTC.\n"
	    "name: zendesk\n"
	    "description: Zendesk tickets export (the multi-file Zendesk reader does the rest)\n"
	    "dataset: interactions\n"
	    "reader: zendesk\n"
	    "timezone: UTC\n"
	    "fields:\n"
	    "  id: id\n"
	    "  created_at: {column: created_at, formats: [iso8601]}\n"
	    "  sla_due_at: {column: due_at, optional: true}\n"
	    "  status: status\n"
	    "  # deleted tickets stay in the data, out of every KPI\n"
	    "  excluded: {column: status, map: {deleted: true}, default: false}\n"
	    "  priority: {column: priority, optional: true}\n"
	    "  category: {column: type, optional: true}\n"
	    "  channel: {column: via_channel, optional: true}\n"
	    "  agent: assignee_id\n"
	    "  team: group_id\n"
	    "  customer: requester_id\n" },
	{ "freshdesk", "interactions",
	    "Freshdesk ticket export (CSV)",
	    "# freshdesk: the Freshdesk ticket export (Tickets > Export, CSV).  Times\n"
	    "# are in the help desk's zone, which should be the workspace's.  The\n"
	    "# \"(in hrs)\" columns are business-hour durations as H:MM:SS; okrdesk\n"
	    "# computes its own (calendar or business) times from the timestamps, so\n"
	    "# they are not read.  Export columns an account did not select are\n"
	    "# optional.\n"
	    "name: freshdesk\n"
	    "description: Freshdesk ticket export (CSV)\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: Ticket ID\n"
	    "  created_at: {column: Created time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601]}\n"
	    "  first_reply_at: {column: Initial response time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601], optional: true}\n"
	    "  solved_at: {column: Resolved time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601], optional: true}\n"
	    "  resolved_at: {column: Resolved time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601], optional: true}\n"
	    "  closed_at: {column: Closed time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601], optional: true}\n"
	    "  sla_due_at: {column: Due by Time, formats: [\"yyyy-mm-dd HH:MM:SS\", iso8601], optional: true}\n"
	    "  status:\n"
	    "    column: Status\n"
	    "    map: {Open: open, Pending: pending, Resolved: solved, Closed: closed,\n"
	    "          Waiting on Customer: pending, Waiting on Third Party: pending}\n"
	    "  priority: {column: Priority, optional: true}\n"
	    "  channel: {column: Source, optional: true}\n"
	    "  category: {column: Type, optional: true}\n"
	    "  agent: {column: Agent, optional: true}\n"
	    "  team: {column: Group, optional: true}\n"
	    "  agent_replies: {column: Agent interactions, optional: true}\n"
	    "  sla_first_reply_met:\n"
	    "    column: First response status\n"
	    "    map: {Within SLA: true, SLA Violated: false}\n"
	    "    optional: true\n"
	    "  sla_resolution_met:\n"
	    "    column: Resolution status\n"
	    "    map: {Within SLA: true, SLA Violated: false}\n"
	    "    optional: true\n" },
	{ "cdr", "interactions",
	    "generic call-detail record (one row per call)",
	    "# cdr: a generic call-detail record, one row per call offered to a queue.\n"
	    "# disposition is answered or abandoned; the queue is the team.  The first\n"
	    "# reply of a call is the moment it was answered: start + queue_seconds.\n"
	    "name: cdr\n"
	    "description: generic call-detail record (one row per call)\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: call_id\n"
	    "  channel: {value: phone}\n"
	    "  created_at: {column: start, formats: [iso8601, epoch]}\n"
	    "  first_reply_at:\n"
	    "    column: queue_seconds\n"
	    "    from: created_at\n"
	    "    when: {column: disposition, equals: answered}\n"
	    "  queued_s: queue_seconds\n"
	    "  talk_s: talk_seconds\n"
	    "  hold_s: {column: hold_seconds, optional: true}\n"
	    "  wrap_s: {column: wrap_seconds, optional: true}\n"
	    "  answered: {column: disposition, map: {answered: true, abandoned: false}}\n"
	    "  abandoned: {column: disposition, map: {answered: false, abandoned: true}}\n"
	    "  agent: agent\n"
	    "  team: queue\n" },
	{ "anirudh-tickets", "interactions",
	    "tickets_anirudh.csv, help-desk tickets",
	    "# anirudh-tickets: tickets_anirudh.csv (AnirudhBabu/CustomerSupportAnalytics),\n"
	    "# one row per ticket.  First response is given in minutes after creation,\n"
	    "# so first_reply_at = created_date + first_response_minutes.\n"
	    "# resolution_hours is filled even on tickets still open, so the resolution\n"
	    "# comes from resolved_date (empty while unresolved), never from the hours.\n"
	    "# The export knows one resolution: it is both the first and the final.\n"
	    "name: anirudh-tickets\n"
	    "description: tickets_anirudh.csv, help-desk tickets\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: ticket_id\n"
	    "  created_at: {column: created_date, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n"
	    "  first_reply_at: {column: first_response_minutes, unit: minutes, from: created_at}\n"
	    "  solved_at: {column: resolved_date, formats: [\"yyyy-mm-dd HH:MM:SS.fraction\"]}\n"
	    "  resolved_at: {column: resolved_date, formats: [\"yyyy-mm-dd HH:MM:SS.fraction\"]}\n"
	    "  status: {column: status, map: {Resolved: solved, In Progress: open, Escalated: open}}\n"
	    "  escalated: {column: status, map: {Escalated: true}, default: false}\n"
	    "  channel: channel\n"
	    "  category: category\n"
	    "  priority: priority\n"
	    "  agent: agent\n"
	    "  team: team\n"
	    "  sla_first_reply_met: response_sla_met\n"
	    "  sla_resolution_met: resolution_sla_met\n" },
	{ "anirudh-csat", "surveys",
	    "tickets_anirudh.csv, CSAT 1-5 of resolved tickets",
	    "# anirudh-csat: the CSAT of tickets_anirudh.csv, one survey per resolved\n"
	    "# ticket.  The score is blank exactly on unresolved tickets, which were\n"
	    "# never surveyed: those rows are skipped, not counted as unanswered.  The\n"
	    "# export has no survey times: sent and answered at the resolution.\n"
	    "name: anirudh-csat\n"
	    "description: tickets_anirudh.csv, CSAT 1-5 of resolved tickets\n"
	    "dataset: surveys\n"
	    "where: {column: csat_score, present: true}\n"
	    "fields:\n"
	    "  id: ticket_id\n"
	    "  interaction_id: ticket_id\n"
	    "  kind: {value: csat}\n"
	    "  scale_min: {value: 1}\n"
	    "  scale_max: {value: 5}\n"
	    "  score: csat_score\n"
	    "  sent_at: {column: resolved_date, formats: [\"yyyy-mm-dd HH:MM:SS.fraction\"]}\n"
	    "  responded_at: {column: resolved_date, formats: [\"yyyy-mm-dd HH:MM:SS.fraction\"]}\n"
	    "  agent: agent\n"
	    "  team: team\n"
	    "  channel: channel\n" },
	{ "pwc-calls", "interactions",
	    "pwc_call_center.csv, calls with answer speed and talk time",
	    "# pwc-calls: pwc_call_center.csv (Buhle-Mkhwanazi/Call-Centre-Trends), one\n"
	    "# row per call.  The date column mixes two formats: month-first with\n"
	    "# dashes and a 2-digit year (01-08-21 = 8 January 2021) where the day is\n"
	    "# 12 or less, m/d/yyyy otherwise; the file covers January-March 2021 only,\n"
	    "# which settles that the dashed dates are month first.  An unanswered call\n"
	    "# is an abandon (the export has no IVR stage); speed of answer is its\n"
	    "# queue time and, added to the call time, the moment it was answered.\n"
	    "name: pwc-calls\n"
	    "description: pwc_call_center.csv, calls with answer speed and talk time\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: call id\n"
	    "  channel: {value: phone}\n"
	    "  agent: agent\n"
	    "  category: topic\n"
	    "  created_at:\n"
	    "    columns: [date, time]\n"
	    "    formats: [\"mm-dd-yy H:MM:SS\", \"m/d/yyyy H:MM:SS\"]\n"
	    "  answered: answered (Y/N)\n"
	    "  abandoned: {column: answered (Y/N), map: {Y: false, N: true}}\n"
	    "  resolved: {column: resolved, when: {column: answered (Y/N), equals: Y}}\n"
	    "  queued_s: speed of answer in seconds\n"
	    "  first_reply_at: {column: speed of answer in seconds, unit: seconds, from: created_at}\n"
	    "  talk_s: {column: talk duration, when: {column: answered (Y/N), equals: Y}}\n" },
	{ "pwc-csat", "surveys",
	    "pwc_call_center.csv, CSAT 1-5 of answered calls",
	    "# pwc-csat: the satisfaction ratings of pwc_call_center.csv.  A survey\n"
	    "# exists for each answered call; it is responded where a rating is given.\n"
	    "# Unanswered calls were never surveyed and are skipped.\n"
	    "name: pwc-csat\n"
	    "description: pwc_call_center.csv, CSAT 1-5 of answered calls\n"
	    "dataset: surveys\n"
	    "where: {column: answered (Y/N), equals: Y}\n"
	    "fields:\n"
	    "  id: call id\n"
	    "  interaction_id: call id\n"
	    "  kind: {value: csat}\n"
	    "  scale_min: {value: 1}\n"
	    "  scale_max: {value: 5}\n"
	    "  score: satisfaction rating\n"
	    "  sent_at:\n"
	    "    columns: [date, time]\n"
	    "    formats: [\"mm-dd-yy H:MM:SS\", \"m/d/yyyy H:MM:SS\"]\n"
	    "  responded_at:\n"
	    "    columns: [date, time]\n"
	    "    formats: [\"mm-dd-yy H:MM:SS\", \"m/d/yyyy H:MM:SS\"]\n"
	    "    when: {column: satisfaction rating, present: true}\n"
	    "  agent: agent\n"
	    "  channel: {value: phone}\n" },
	{ "technion-calls", "interactions",
	    "technion_calls_one_day.csv, a bank call centre's day (IVR, queue, service)",
	    "# technion-calls: technion_calls_one_day.csv, one day of a bank's call\n"
	    "# centre (Technion SEE \"Anonymous Bank\").  A call passes the IVR (vru_*),\n"
	    "# may wait in queue (q_*) and is served (ser_*) or hangs up.  0:00:00\n"
	    "# means \"did not happen\"; call_id restarts per VRU line, so the id is the\n"
	    "# line and the call.  outcome: AGENT served, HANG hung up, PHANTOM a\n"
	    "# virtual call the source says to ignore (kept, excluded from KPIs).  A\n"
	    "# hang-up is an abandon only after queueing (q_time > 0): leaving in the\n"
	    "# IVR is not.  customer_id 0 is an unidentified caller.\n"
	    "name: technion-calls\n"
	    "description: technion_calls_one_day.csv, a bank call centre's day (IVR, queue, service)\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: {columns: [vru+line, call_id]}\n"
	    "  channel: {value: phone}\n"
	    "  customer: {column: customer_id, map: {\"0\": null}}\n"
	    "  priority: priority\n"
	    "  category: type\n"
	    "  created_at: {columns: [date, vru_entry], formats: [\"yyyy-mm-dd H:MM:SS\"]}\n"
	    "  first_reply_at:\n"
	    "    columns: [date, ser_start]\n"
	    "    formats: [\"yyyy-mm-dd H:MM:SS\"]\n"
	    "    missing: [\"0:00:00\"]\n"
	    "    when: {column: outcome, equals: AGENT}\n"
	    "  answered: {column: outcome, map: {AGENT: true, HANG: false, PHANTOM: false}}\n"
	    "  abandoned:\n"
	    "    column: outcome\n"
	    "    map: {AGENT: false, HANG: true, PHANTOM: null}\n"
	    "    when: {any: [{column: outcome, equals: AGENT}, {column: q_time, greater-than: 0}]}\n"
	    "  queued_s: q_time\n"
	    "  talk_s: {column: ser_time, when: {column: outcome, equals: AGENT}}\n"
	    "  agent: {column: server, map: {NO_SERVER: null}}\n"
	    "  excluded: {column: outcome, map: {PHANTOM: true}, default: false}\n" },
	{ "sudzilla-nps", "surveys",
	    "sudzilla_nps.csv, 0-10 recommendation survey",
	    "# sudzilla-nps: sudzilla_nps.csv, a conference's 0-10 recommendation\n"
	    "# survey (prepbench case 40).  No ids: the line number is the id (a\n"
	    "# re-import of the same file updates the same rows).  Times are\n"
	    "# m/d/yyyy H:MM:SS; the form records only when it was answered.\n"
	    "name: sudzilla-nps\n"
	    "description: sudzilla_nps.csv, 0-10 recommendation survey\n"
	    "dataset: surveys\n"
	    "fields:\n"
	    "  id: {line: true, prefix: \"sudzilla-\"}\n"
	    "  kind: {value: nps}\n"
	    "  scale_min: {value: 0}\n"
	    "  scale_max: {value: 10}\n"
	    "  score: \"On a scale of 0-10, how would you rate Sudzilla?\"\n"
	    "  responded_at: {column: Timestamp, formats: [\"m/d/yyyy H:MM:SS\"]}\n" },
	{ "telco-customers", "customers",
	    "telco_churn.csv, customers with a churn flag",
	    "# telco-customers: telco_churn.csv (IBM), one row per customer with a\n"
	    "# churn flag.  The export has no dates (tenure is months up to an\n"
	    "# unstated day), so customers carry the flag only and churn is measured\n"
	    "# over the whole file.\n"
	    "name: telco-customers\n"
	    "description: telco_churn.csv, customers with a churn flag\n"
	    "dataset: customers\n"
	    "fields:\n"
	    "  id: customerID\n"
	    "  churned: Churn\n" },
	{ "uci-incidents", "interactions",
	    "uci_incidents.csv, ServiceNow incident event log",
	    "# uci-incidents: uci_incidents.csv, a ServiceNow incident event log.\n"
	    "# event log: last row per id wins (each update of an incident is a row;\n"
	    "# the importer upserts by id, so the incident ends as its last row says).\n"
	    "# \"?\" is missing; times are dd-mm-yyyy HH:MM.  Statuses are mapped to\n"
	    "# okrdesk's (new, open, pending, hold, solved, closed).\n"
	    "name: uci-incidents\n"
	    "description: uci_incidents.csv, ServiceNow incident event log\n"
	    "dataset: interactions\n"
	    "missing: [\"?\"]\n"
	    "fields:\n"
	    "  id: number\n"
	    "  status:\n"
	    "    column: incident_state\n"
	    "    map: {New: new, Active: open, Awaiting User Info: pending,\n"
	    "          Awaiting Problem: hold, Awaiting Vendor: hold,\n"
	    "          Awaiting Evidence: hold, Resolved: solved, Closed: closed}\n"
	    "  created_at: {column: opened_at, formats: [\"dd-mm-yyyy HH:MM\"]}\n"
	    "  solved_at: {column: resolved_at, formats: [\"dd-mm-yyyy HH:MM\"]}\n"
	    "  resolved_at: {column: resolved_at, formats: [\"dd-mm-yyyy HH:MM\"]}\n"
	    "  closed_at: {column: closed_at, formats: [\"dd-mm-yyyy HH:MM\"]}\n"
	    "  reopen_count: reopen_count\n"
	    "  sla_resolution_met: made_sla\n"
	    "  channel: contact_type\n"
	    "  category: category\n"
	    "  priority: priority\n"
	    "  team: assignment_group\n"
	    "  agent: assigned_to\n"
	    "  customer: caller_id\n"
	    "  # a reassignment to another group is the tier change that\n"
	    "  # KPIS.md counts as an escalation\n"
	    "  escalated:\n"
	    "    value: true\n"
	    "    when: {column: reassignment_count, greater-than: 0}\n" },
	{ "kaggle-tickets", "interactions",
	    "kaggle_tickets.csv, synthetic tickets without creation times",
	    "# kaggle-tickets: kaggle_tickets.csv (Kaggle \"Customer Support Ticket\n"
	    "# Dataset\"), synthetic tickets.  There is no creation time.  \"First\n"
	    "# Response Time\" and \"Time to Resolution\" are timestamps, not durations;\n"
	    "# where the resolution comes before the first response the row is\n"
	    "# reported as bad (ds_validate), never stored as a negative duration.\n"
	    "# Ticket ids are bare numbers: prefixed \"kaggle-\" to keep them apart from\n"
	    "# other sources' ids.\n"
	    "name: kaggle-tickets\n"
	    "description: kaggle_tickets.csv, synthetic tickets without creation times\n"
	    "dataset: interactions\n"
	    "fields:\n"
	    "  id: {column: Ticket ID, prefix: \"kaggle-\"}\n"
	    "  customer: Customer Email\n"
	    "  category: Ticket Type\n"
	    "  status: {column: Ticket Status, map: {Open: open, Pending Customer Response: pending, Closed: closed}}\n"
	    "  priority: Ticket Priority\n"
	    "  channel: Ticket Channel\n"
	    "  first_reply_at: {column: First Response Time, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n"
	    "  solved_at: {column: Time to Resolution, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n"
	    "  resolved_at: {column: Time to Resolution, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n" },
	{ "kaggle-csat", "surveys",
	    "kaggle_tickets.csv, CSAT 1-5 of closed tickets",
	    "# kaggle-csat: the satisfaction ratings of kaggle_tickets.csv, given on\n"
	    "# closed tickets only (the others were not surveyed and are skipped);\n"
	    "# sent and answered at the resolution.\n"
	    "name: kaggle-csat\n"
	    "description: kaggle_tickets.csv, CSAT 1-5 of closed tickets\n"
	    "dataset: surveys\n"
	    "where: {column: Customer Satisfaction Rating, present: true}\n"
	    "fields:\n"
	    "  id: {column: Ticket ID, prefix: \"kaggle-\"}\n"
	    "  interaction_id: {column: Ticket ID, prefix: \"kaggle-\"}\n"
	    "  kind: {value: csat}\n"
	    "  scale_min: {value: 1}\n"
	    "  scale_max: {value: 5}\n"
	    "  score: Customer Satisfaction Rating\n"
	    "  sent_at: {column: Time to Resolution, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n"
	    "  responded_at: {column: Time to Resolution, formats: [\"yyyy-mm-dd HH:MM:SS\"]}\n"
	    "  channel: Ticket Channel\n" },
	{ NULL, NULL, NULL, NULL },
};

const struct profile_info *
profile_builtin_info(const char *name)
{
	const struct profile_info	*i;

	for (i = profile_builtins; i->name != NULL; i++)
		if (strcmp(i->name, name) == 0)
			return i;
	return NULL;
}

const char *
profile_default(enum ds d)
{
	static const char *const natives[DS__MAX] = {
		[DS_INTERACTIONS] = "okrdesk-interactions",
		[DS_SURVEYS] = "okrdesk-surveys",
		[DS_QA_REVIEWS] = "okrdesk-qa_reviews",
		[DS_TRAINING] = "okrdesk-training",
		[DS_KB_AUDITS] = "okrdesk-kb_audits",
		[DS_CUSTOMERS] = "okrdesk-customers",
		[DS_AGENTS] = "okrdesk-agents",
	};

	return (unsigned)d < DS__MAX ? natives[d] : NULL;
}

enum err_code
profile_builtin(struct arena *a, const char *name, struct profile **out,
    struct err *e)
{
	const struct profile_info	*i;
	struct buf			 b = BUF_INIT;
	char				 origin[96];
	enum err_code			 rc;

	*out = NULL;
	if ((i = profile_builtin_info(name)) == NULL) {
		for (i = profile_builtins; i->name != NULL; i++)
			buf_printf(&b, "%s%s", i == profile_builtins ? "" :
			    ", ", i->name);
		rc = buf_error(&b) != ERR_OK ? err_set(e, ERR_NOMEM,
		    "out of memory") : err_set(e, ERR_NOTFOUND, "no built-in "
		    "profile \"%s\" (expected one of: %s)", name,
		    buf_cstr(&b));
		buf_release(&b);
		return rc;
	}
	snprintf(origin, sizeof(origin), "builtin:%s", i->name);
	return profile_parse(a, i->text, strlen(i->text), origin, out, e);
}
