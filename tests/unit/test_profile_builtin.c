/*
 * test_profile_builtin.c: each built-in profile bound to its export's
 * header and mapped over rows copied by hand from the real files in
 * ../shared/data (Freshdesk and the call-detail record, which have no
 * file there, over rows written to their documented columns).
 *
 * Tests run in UTC.  Expected instants were computed outside okrdesk
 * (Python's calendar.timegm of the civil times in the rows); the other
 * expected values are read off the rows and the profile's documented
 * choices (docs/profiles.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "import/profile.h"

#include "profile_test.h"

static const char *const anirudh_h[] = { "ticket_id", "created_date",
    "channel", "category", "priority", "agent", "team",
    "first_response_minutes", "resolution_hours", "status", "resolved_date",
    "csat_score", "region", "country", "response_sla_met",
    "resolution_sla_met", "month", "week", "day_of_week", "hour_of_day" };
static const char *const anirudh_2[] = { "TKT-000001", "2024-10-29 22:00:00",
    "Chat", "Account Access", "Low", "Agent_022", "Team_Beta",
    "261.3160766843023", "17.25326246777651", "Resolved",
    "2024-10-30 15:15:11.744884", "2.0", "APAC", "Australia", "False",
    "True", "2024-10", "2024-10-28/2024-11-03", "Tuesday", "22" };
static const char *const anirudh_3[] = { "TKT-000002", "2024-02-05 20:00:00",
    "Self-Service", "Booking Modification", "High", "Agent_006",
    "Team_Gamma", "15.237594559232997", "1.9854641284175085", "In Progress",
    "", "", "EMEA", "Germany", "True", "True", "2024-02",
    "2024-02-05/2024-02-11", "Monday", "20" };
static const char *const anirudh_15[] = { "TKT-000014", "2024-04-11 09:00:00",
    "Self-Service", "Refund Request", "Low", "Agent_016", "Team_Gamma",
    "107.56024415687116", "0.5", "Resolved", "2024-04-11 09:30:00.000000",
    "4.0", "APAC", "Thailand", "False", "True", "2024-04",
    "2024-04-08/2024-04-14", "Thursday", "9" };

static void
test_builtin_anirudh_tickets(void **state)
{
	(void)state;
	use("anirudh-tickets", anirudh_h, N(anirudh_h));
	assert_int_equal(row(anirudh_2, 2), 1);
	assert_string_equal(TXT(IX_ID), "TKT-000001");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1730239200);
	/* 261.316... minutes = 15678.96 s, rounded to the second */
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1730254879);
	assert_int_equal(R.v[IX_RESOLVED_AT].i, 1730301311);
	assert_int_equal(R.v[IX_SOLVED_AT].i, 1730301311);
	assert_string_equal(TXT(IX_STATUS), "solved");
	assert_int_equal(R.v[IX_ESCALATED].i, 0);
	assert_string_equal(TXT(IX_CHANNEL), "Chat");
	assert_string_equal(TXT(IX_CATEGORY), "Account Access");
	assert_string_equal(TXT(IX_PRIORITY), "Low");
	assert_string_equal(TXT(IX_AGENT), "Agent_022");
	assert_string_equal(TXT(IX_TEAM), "Team_Beta");
	assert_int_equal(R.v[IX_SLA_FIRST_MET].i, 0);
	assert_int_equal(R.v[IX_SLA_RES_MET].i, 1);

	assert_int_equal(row(anirudh_3, 3), 1);
	assert_string_equal(TXT(IX_STATUS), "open");
	assert_false(ISSET(IX_RESOLVED_AT));	/* hours given, not resolved */
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1707164114);

	/* first response 107.6 min after creation, resolved after 30 */
	assert_int_equal(row(anirudh_15, 16), -1);
	assert_string_equal(E.field, "resolved_at");
	assert_string_equal(E.msg, "comes before first_reply_at (a negative "
	    "duration) (column \"resolved_date\": \"2024-04-11 09:30:00.000000\")");
}

static void
test_builtin_anirudh_csat(void **state)
{
	(void)state;
	use("anirudh-csat", anirudh_h, N(anirudh_h));
	assert_int_equal(row(anirudh_2, 2), 1);
	assert_string_equal(TXT(SV_ID), "TKT-000001");
	assert_string_equal(TXT(SV_INTERACTION_ID), "TKT-000001");
	assert_string_equal(TXT(SV_KIND), "csat");
	assert_true(R.v[SV_SCALE_MIN].r == 1 && R.v[SV_SCALE_MAX].r == 5);
	assert_true(R.v[SV_SCORE].r == 2);
	assert_int_equal(R.v[SV_RESPONDED_AT].i, 1730301311);
	assert_int_equal(row(anirudh_3, 3), 0);	/* unresolved: no survey */
}

static const char *const pwc_h[] = { "call id", "agent", "date", "time",
    "topic", "answered (Y/N)", "resolved", "speed of answer in seconds",
    "talk duration", "satisfaction rating" };
static const char *const pwc_2[] = { "ID0001", "Diane", "01-01-21",
    "9:12:58", "Contract related", "Y", "Y", "109", "143", "3" };
static const char *const pwc_952[] = { "ID0951", "Dan", "1/17/2021",
    "15:01:26", "Payment related", "Y", "Y", "53", "311", "2" };
static const char *const pwc_5001[] = { "ID5000", "Diane", "3/31/2021",
    "17:39:50", "Contract related", "N", "N", "", "0", "" };

static void
test_builtin_pwc_calls(void **state)
{
	(void)state;
	use("pwc-calls", pwc_h, N(pwc_h));
	assert_int_equal(row(pwc_2, 2), 1);
	assert_string_equal(TXT(IX_ID), "ID0001");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1609492378);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1609492378 + 109);
	assert_int_equal(R.v[IX_ANSWERED].i, 1);
	assert_int_equal(R.v[IX_ABANDONED].i, 0);
	assert_int_equal(R.v[IX_RESOLVED].i, 1);
	assert_true(R.v[IX_QUEUED_S].r == 109 && R.v[IX_TALK_S].r == 143);
	assert_string_equal(TXT(IX_CHANNEL), "phone");
	assert_string_equal(TXT(IX_CATEGORY), "Contract related");
	assert_string_equal(TXT(IX_AGENT), "Diane");

	assert_int_equal(row(pwc_952, 952), 1);	/* the other date shape */
	assert_int_equal(R.v[IX_CREATED_AT].i, 1610895686);

	assert_int_equal(row(pwc_5001, 5001), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1617212390);
	assert_int_equal(R.v[IX_ANSWERED].i, 0);
	assert_int_equal(R.v[IX_ABANDONED].i, 1);
	assert_false(ISSET(IX_RESOLVED));
	assert_false(ISSET(IX_QUEUED_S));
	assert_false(ISSET(IX_TALK_S));		/* "0" of a call never taken */
	assert_false(ISSET(IX_FIRST_REPLY_AT));
}

static void
test_builtin_pwc_csat(void **state)
{
	(void)state;
	use("pwc-csat", pwc_h, N(pwc_h));
	assert_int_equal(row(pwc_2, 2), 1);
	assert_string_equal(TXT(SV_ID), "ID0001");
	assert_true(R.v[SV_SCORE].r == 3);
	assert_int_equal(R.v[SV_SENT_AT].i, 1609492378);
	assert_int_equal(R.v[SV_RESPONDED_AT].i, 1609492378);
	assert_string_equal(TXT(SV_AGENT), "Diane");
	assert_int_equal(row(pwc_5001, 5001), 0);
}

static const char *const tech_h[] = { "vru+line", "call_id", "customer_id",
    "priority", "type", "date", "vru_entry", "vru_exit", "vru_time",
    "q_start", "q_exit", "q_time", "outcome", "ser_start", "ser_exit",
    "ser_time", "server" };
static const char *const tech_ivr[] = { "AA0204", "43678", "0", "0", "PS",
    "2010-08-01", "0:10:10", "0:10:27", "17", "0:00:00", "0:00:00", "0",
    "HANG", "0:00:00", "0:00:00", "0", "NO_SERVER" };
static const char *const tech_queued[] = { "AA0213", "24281", "33052234",
    "1", "PS", "2010-08-01", "10:00:45", "10:00:51", "6", "10:00:51",
    "10:01:33", "42", "AGENT", "10:01:32", "10:03:08", "96", "VICKY" };
static const char *const tech_direct[] = { "AA0104", "31129", "0", "0",
    "PS", "2010-08-01", "10:00:21", "10:00:31", "10", "0:00:00", "0:00:00",
    "0", "AGENT", "10:00:30", "10:02:09", "99", "NAAMA" };
static const char *const tech_abandon[] = { "AA0105", "43723", "25519216",
    "1", "PS", "2010-08-01", "10:08:43", "10:08:48", "5", "10:08:48",
    "10:08:57", "9", "HANG", "0:00:00", "0:00:00", "0", "NO_SERVER" };
static const char *const tech_phantom[] = { "AA0203", "44973", "38324794",
    "1", "PS", "2010-08-01", "10:36:34", "10:36:39", "5", "10:36:39",
    "10:38:58", "139", "PHANTOM", "10:38:58", "10:39:01", "3", "NO_SERVER" };

static void
test_builtin_technion_calls(void **state)
{
	(void)state;
	use("technion-calls", tech_h, N(tech_h));
	assert_int_equal(row(tech_ivr, 2), 1);
	assert_string_equal(TXT(IX_ID), "AA0204 43678");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1280621410);
	assert_false(ISSET(IX_CUSTOMER));	/* 0: unknown caller */
	assert_int_equal(R.v[IX_ANSWERED].i, 0);
	assert_false(ISSET(IX_ABANDONED));	/* left in the IVR */
	assert_false(ISSET(IX_FIRST_REPLY_AT));
	assert_false(ISSET(IX_AGENT));
	assert_int_equal(R.v[IX_EXCLUDED].i, 0);

	assert_int_equal(row(tech_queued, 3), 1);
	assert_string_equal(TXT(IX_CUSTOMER), "33052234");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1280656845);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1280656892);
	assert_int_equal(R.v[IX_ANSWERED].i, 1);
	assert_int_equal(R.v[IX_ABANDONED].i, 0);
	assert_true(R.v[IX_QUEUED_S].r == 42 && R.v[IX_TALK_S].r == 96);
	assert_string_equal(TXT(IX_AGENT), "VICKY");
	assert_string_equal(TXT(IX_PRIORITY), "1");
	assert_string_equal(TXT(IX_CATEGORY), "PS");

	assert_int_equal(row(tech_direct, 4), 1);	/* served, no queue */
	assert_int_equal(R.v[IX_ABANDONED].i, 0);
	assert_true(R.v[IX_QUEUED_S].r == 0);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1280656830);

	assert_int_equal(row(tech_abandon, 5), 1);	/* hung up in queue */
	assert_string_equal(TXT(IX_ID), "AA0105 43723");
	assert_int_equal(R.v[IX_ABANDONED].i, 1);
	assert_int_equal(R.v[IX_ANSWERED].i, 0);
	assert_false(ISSET(IX_FIRST_REPLY_AT));
	assert_false(ISSET(IX_TALK_S));

	assert_int_equal(row(tech_phantom, 6), 1);
	assert_int_equal(R.v[IX_EXCLUDED].i, 1);
	assert_false(ISSET(IX_ABANDONED));
	assert_false(ISSET(IX_FIRST_REPLY_AT));
}

static void
test_builtin_sudzilla_nps(void **state)
{
	const char *const h[] = { "Timestamp",
	    "On a scale of 0-10, how would you rate Sudzilla?", "...why?",
	    "On a scale of 0-10, how would you rate the opening keynote?",
	    "On a scale of 0-10, how would you rate the closing keynote?",
	    "Which three words would you use describe to Sudzilla? (separate "
	    "with a comma)",
	    "How would you rate the food at Sudzilla (breakfast)?",
	    "How would you rate the food at Sudzilla (lunch)?",
	    "How would you rate the food at Sudzilla (dinner)?",
	    "What was your favourite giveaway at Sudzilla?",
	    "What was your favourite 'Soap Box' (breakout / customer speaker) "
	    "session?" };
	const char *const r[] = { "11/1/2019 8:51:12", "0", "Bad service", "0",
	    "0", "really, bad, service", "Just about edible but I was hungry",
	    "Horrendous", "Horrendous", "Where there giveaways!?!",
	    "The last one" };

	(void)state;
	use("sudzilla-nps", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_string_equal(TXT(SV_ID), "sudzilla-2");
	assert_string_equal(TXT(SV_KIND), "nps");
	assert_true(R.v[SV_SCALE_MIN].r == 0 && R.v[SV_SCALE_MAX].r == 10);
	assert_true(ISSET(SV_SCORE) && R.v[SV_SCORE].r == 0);
	assert_int_equal(R.v[SV_RESPONDED_AT].i, 1572598272);
	assert_false(ISSET(SV_SENT_AT));
}

static void
test_builtin_telco_customers(void **state)
{
	const char *const h[] = { "customerID", "gender", "SeniorCitizen",
	    "Partner", "Dependents", "tenure", "PhoneService", "MultipleLines",
	    "InternetService", "OnlineSecurity", "OnlineBackup",
	    "DeviceProtection", "TechSupport", "StreamingTV", "StreamingMovies",
	    "Contract", "PaperlessBilling", "PaymentMethod", "MonthlyCharges",
	    "TotalCharges", "Churn" };
	const char *const r2[] = { "7590-VHVEG", "Female", "0", "Yes", "No",
	    "1", "No", "No phone service", "DSL", "No", "Yes", "No", "No", "No",
	    "No", "Month-to-month", "Yes", "Electronic check", "29.85", "29.85",
	    "No" };
	const char *const r4[] = { "3668-QPYBK", "Male", "0", "No", "No", "2",
	    "Yes", "No", "DSL", "Yes", "Yes", "No", "No", "No", "No",
	    "Month-to-month", "Yes", "Mailed check", "53.85", "108.15", "Yes" };

	(void)state;
	use("telco-customers", h, N(h));
	assert_int_equal(row(r2, 2), 1);
	assert_string_equal(TXT(CU_ID), "7590-VHVEG");
	assert_true(ISSET(CU_CHURNED) && R.v[CU_CHURNED].i == 0);
	assert_int_equal(row(r4, 4), 1);
	assert_int_equal(R.v[CU_CHURNED].i, 1);
}

static void
test_builtin_uci_incidents(void **state)
{
	const char *const h[] = { "number", "incident_state", "active",
	    "reassignment_count", "reopen_count", "sys_mod_count", "made_sla",
	    "caller_id", "opened_by", "opened_at", "sys_created_by",
	    "sys_created_at", "sys_updated_by", "sys_updated_at",
	    "contact_type", "location", "category", "subcategory", "u_symptom",
	    "cmdb_ci", "impact", "urgency", "priority", "assignment_group",
	    "assigned_to", "knowledge", "u_priority_confirmation", "notify",
	    "problem_id", "rfc", "vendor", "caused_by", "closed_code",
	    "resolved_by", "resolved_at", "closed_at" };
	const char *const r2[] = { "INC0000045", "New", "TRUE", "0", "0", "0",
	    "TRUE", "Caller 2403", "Opened by  8", "29-02-2016 01:16",
	    "Created by 6", "29-02-2016 01:23", "Updated by 21",
	    "29-02-2016 01:23", "Phone", "Location 143", "Category 55",
	    "Subcategory 170", "Symptom 72", "?", "2 - Medium", "2 - Medium",
	    "3 - Moderate", "Group 56", "?", "TRUE", "FALSE", "Do Not Notify",
	    "?", "?", "?", "?", "code 5", "Resolved by 149", "29-02-2016 11:29",
	    "05-03-2016 12:00" };
	const char *const r3[] = { "INC0000045", "Resolved", "TRUE", "0", "0",
	    "2", "TRUE", "Caller 2403", "Opened by  8", "29-02-2016 01:16",
	    "Created by 6", "29-02-2016 01:23", "Updated by 642",
	    "29-02-2016 08:53", "Phone", "Location 143", "Category 55",
	    "Subcategory 170", "Symptom 72", "?", "2 - Medium", "2 - Medium",
	    "3 - Moderate", "Group 56", "?", "TRUE", "FALSE", "Do Not Notify",
	    "?", "?", "?", "?", "code 5", "Resolved by 149", "29-02-2016 11:29",
	    "05-03-2016 12:00" };

	(void)state;
	use("uci-incidents", h, N(h));
	assert_int_equal(row(r2, 2), 1);
	assert_string_equal(TXT(IX_ID), "INC0000045");
	assert_string_equal(TXT(IX_STATUS), "new");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1456708560);
	assert_int_equal(R.v[IX_RESOLVED_AT].i, 1456745340);
	assert_int_equal(R.v[IX_CLOSED_AT].i, 1457179200);
	assert_false(ISSET(IX_AGENT));		/* "?" */
	assert_string_equal(TXT(IX_TEAM), "Group 56");
	assert_string_equal(TXT(IX_CUSTOMER), "Caller 2403");
	assert_string_equal(TXT(IX_PRIORITY), "3 - Moderate");
	assert_int_equal(R.v[IX_REOPEN_COUNT].i, 0);
	assert_int_equal(R.v[IX_SLA_RES_MET].i, 1);
	/* the next event of the same incident: same id, later state */
	assert_int_equal(row(r3, 3), 1);
	assert_string_equal(TXT(IX_ID), "INC0000045");
	assert_string_equal(TXT(IX_STATUS), "solved");
}

static const char *const kaggle_h[] = { "Ticket ID", "Customer Name",
    "Customer Email", "Customer Age", "Customer Gender", "Product Purchased",
    "Date of Purchase", "Ticket Type", "Ticket Subject", "Ticket Description",
    "Ticket Status", "Resolution", "Ticket Priority", "Ticket Channel",
    "First Response Time", "Time to Resolution",
    "Customer Satisfaction Rating" };
static const char *const kaggle_1[] = { "1", "Ethan Dillon",
    "ethan_dillon@example.com", "56", "Other", "Microsoft Office",
    "2021-06-07", "Technical issue", "Hardware issue",
    "I'm having an issue with the product purchased.", "Open", "",
    "Critical", "Email", "2023-06-01 19:11:14", "", "" };
static const char *const kaggle_6[] = { "6", "Christopher Jackson",
    "christopher_jackson@example.com", "25", "Female", "Autodesk AutoCAD",
    "2020-05-07", "Cancellation request", "Delivery problem",
    "I'm having an issue with the product purchased.", "Closed",
    "Replacement sent to customer.", "High", "Phone", "2023-06-01 14:05:01",
    "2023-06-01 03:46:00", "2.0" };

static void
test_builtin_kaggle_tickets(void **state)
{
	(void)state;
	use("kaggle-tickets", kaggle_h, N(kaggle_h));
	assert_int_equal(row(kaggle_1, 2), 1);
	assert_string_equal(TXT(IX_ID), "kaggle-1");
	assert_string_equal(TXT(IX_STATUS), "open");
	assert_false(ISSET(IX_CREATED_AT));
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1685646674);
	assert_false(ISSET(IX_RESOLVED_AT));
	assert_string_equal(TXT(IX_CUSTOMER), "ethan_dillon@example.com");
	assert_string_equal(TXT(IX_CATEGORY), "Technical issue");
	assert_string_equal(TXT(IX_PRIORITY), "Critical");
	/* resolved at 03:46, first response at 14:05 the same day */
	assert_int_equal(row(kaggle_6, 7), -1);
	assert_string_equal(E.field, "resolved_at");
	assert_string_equal(E.msg, "comes before first_reply_at (a negative "
	    "duration) (column \"Time to Resolution\": \"2023-06-01 03:46:00\")");
}

static void
test_builtin_kaggle_csat(void **state)
{
	(void)state;
	use("kaggle-csat", kaggle_h, N(kaggle_h));
	assert_int_equal(row(kaggle_1, 2), 0);
	assert_int_equal(row(kaggle_6, 7), 1);
	assert_string_equal(TXT(SV_ID), "kaggle-6");
	assert_string_equal(TXT(SV_INTERACTION_ID), "kaggle-6");
	assert_true(R.v[SV_SCORE].r == 2);
	assert_int_equal(R.v[SV_RESPONDED_AT].i, 1685591160);
	assert_string_equal(TXT(SV_CHANNEL), "Phone");
}

static void
test_builtin_zendesk_tickets_shape(void **state)
{
	const char *const h[] = { "id", "_fivetran_synced", "allow_channelback",
	    "assignee_id", "brand_id", "created_at", "description", "due_at",
	    "external_id", "forum_topic_id", "group_id", "has_incidents",
	    "is_public", "organization_id", "priority", "problem_id",
	    "recipient", "requester_id", "status", "subject", "submitter_id",
	    "system_client", "ticket_form_id", "type", "updated_at", "url",
	    "via_channel" };
	const char *const r2[] = { "1595", "2020-03-20 02:32:49.426", "FALSE",
	    "", "360003529474", "2020-02-19 01:54:52", "description1", "", "",
	    "", "360006965034", "FALSE", "TRUE", "370295712714", "", "",
	    "email@email.com", "396331237134", "deleted", "subject1",
	    "396331237134", "", "360002048693", "incident",
	    "2020-02-19 01:55:11",
	    "https://zendesk.com/api/v2/tickets/1595.json", "web" };
	const char *const r3[] = { "16988", "2021-01-13 20:09:16.325", "FALSE",
	    "418284131934", "360003529474", "2020-12-22 00:19:23",
	    "description1", "", "", "", "360013366274", "FALSE", "TRUE",
	    "370469077513", "", "", "email@email.com", "1500656884401",
	    "solved", "subject1", "1500656884401", "", "360002048693", "",
	    "2021-01-13 18:42:39",
	    "https://zendesk.com/api/v2/tickets/16988.json", "email" };

	(void)state;
	use("zendesk", h, N(h));
	assert_string_equal(profile_reader(P), "zendesk");
	assert_int_equal(row(r2, 2), 1);
	assert_string_equal(TXT(IX_ID), "1595");
	assert_int_equal(R.v[IX_EXCLUDED].i, 1);	/* deleted */
	assert_int_equal(R.v[IX_CREATED_AT].i, 1582077292);
	assert_false(ISSET(IX_AGENT));
	assert_string_equal(TXT(IX_CATEGORY), "incident");
	assert_string_equal(TXT(IX_CHANNEL), "web");
	assert_int_equal(row(r3, 3), 1);
	assert_int_equal(R.v[IX_EXCLUDED].i, 0);
	assert_string_equal(TXT(IX_STATUS), "solved");
	assert_string_equal(TXT(IX_AGENT), "418284131934");
	assert_string_equal(TXT(IX_TEAM), "360013366274");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1608596363);
}

static void
test_builtin_freshdesk_export(void **state)
{
	const char *const h[] = { "Ticket ID", "Subject", "Status", "Priority",
	    "Source", "Type", "Agent", "Group", "Created time", "Due by Time",
	    "Resolved time", "Closed time", "Last update time",
	    "Initial response time", "First response time (in hrs)",
	    "Resolution time (in hrs)", "Agent interactions",
	    "Customer interactions", "Resolution status",
	    "First response status" };
	const char *const r[] = { "1042", "Refund not received", "Resolved",
	    "Medium", "Email", "Refund", "Ana Pop", "Billing",
	    "2024-03-04 09:15:00", "2024-03-06 09:15:00", "2024-03-05 16:00:00",
	    "", "2024-03-05 16:00:00", "2024-03-04 10:05:30", "0:50:30",
	    "30:45:00", "3", "2", "Within SLA", "SLA Violated" };
	const char *const few[] = { "Ticket ID", "Status", "Created time" };
	const char *const r_few[] = { "7", "Waiting on Customer",
	    "2024-03-04 09:15:00" };

	(void)state;
	use("freshdesk", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_string_equal(TXT(IX_ID), "1042");
	assert_string_equal(TXT(IX_STATUS), "solved");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1709543700);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1709546730);
	assert_int_equal(R.v[IX_RESOLVED_AT].i, 1709654400);
	assert_int_equal(R.v[IX_SLA_DUE_AT].i, 1709716500);
	assert_false(ISSET(IX_CLOSED_AT));
	assert_int_equal(R.v[IX_AGENT_REPLIES].i, 3);
	assert_int_equal(R.v[IX_SLA_FIRST_MET].i, 0);
	assert_int_equal(R.v[IX_SLA_RES_MET].i, 1);
	assert_string_equal(TXT(IX_TEAM), "Billing");
	/* an export with few columns selected */
	arena_release(&A);
	use("freshdesk", few, N(few));
	assert_int_equal(row(r_few, 2), 1);
	assert_string_equal(TXT(IX_STATUS), "pending");
	assert_false(ISSET(IX_AGENT));
}

static void
test_builtin_cdr(void **state)
{
	const char *const h[] = { "call_id", "start", "queue_seconds",
	    "talk_seconds", "hold_seconds", "wrap_seconds", "disposition",
	    "agent", "queue" };
	const char *const r1[] = { "c-77", "2026-10-05T09:00:00+02:00", "42",
	    "180", "15", "30", "answered", "ana", "Tier 1" };
	const char *const r2[] = { "c-78", "2026-10-05T09:00:00+02:00", "75",
	    "0", "0", "0", "abandoned", "", "Tier 1" };

	(void)state;
	use("cdr", h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1791183600);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1791183642);
	assert_int_equal(R.v[IX_ANSWERED].i, 1);
	assert_int_equal(R.v[IX_ABANDONED].i, 0);
	assert_true(R.v[IX_TALK_S].r == 180 && R.v[IX_HOLD_S].r == 15 &&
	    R.v[IX_WRAP_S].r == 30 && R.v[IX_QUEUED_S].r == 42);
	assert_string_equal(TXT(IX_TEAM), "Tier 1");
	assert_int_equal(row(r2, 3), 1);
	assert_int_equal(R.v[IX_ABANDONED].i, 1);
	assert_false(ISSET(IX_FIRST_REPLY_AT));
	assert_false(ISSET(IX_AGENT));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(t)	cmocka_unit_test_teardown(t, teardown)
		T(test_builtin_anirudh_tickets),
		T(test_builtin_anirudh_csat),
		T(test_builtin_pwc_calls),
		T(test_builtin_pwc_csat),
		T(test_builtin_technion_calls),
		T(test_builtin_sudzilla_nps),
		T(test_builtin_telco_customers),
		T(test_builtin_uci_incidents),
		T(test_builtin_kaggle_tickets),
		T(test_builtin_kaggle_csat),
		T(test_builtin_zendesk_tickets_shape),
		T(test_builtin_freshdesk_export),
		T(test_builtin_cdr),
#undef T
	};

	if (clock_zone_set("UTC", NULL) != ERR_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
