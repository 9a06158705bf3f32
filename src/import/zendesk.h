/*
 * zendesk.h: the Zendesk export shape (the tables Fivetran and the Zendesk
 * API give: ticket_data, ticket_comment_data, ticket_field_history_data,
 * user_data, group_data, one CSV file each in one directory), joined in
 * memory into okrdesk's interactions and agents records.
 *
 * One interactions record a ticket:
 *   id, channel (via_channel), team (the group's name, else its id), agent
 *   (the assignee's name, else id), customer (requester_id), priority,
 *   status, created_at;
 *   first_reply_at, agent_replies: the first and the number of public
 *   comments written by a user whose role is agent or admin and who is not
 *   the requester (end users, private notes and unknown users never count);
 *   solved_at / resolved_at: the first / last time the status history
 *   turned to solved; closed_at: the last time it turned to closed;
 *   reopen_count: the times the status left solved or closed for any other
 *   status but deleted (open, pending, new, hold);
 *   excluded: deleted tickets and tickets merged into another (listed in
 *   another ticket's merged_ticket_ids).
 * One agents record a user whose role is agent or admin: id, name, role,
 * team (the group they are most often assignee in).
 * Times like "2020-02-19 01:54:52" are UTC.
 *
 * A row that breaks the rules (a time that does not parse, a record that
 * ds_validate refuses) goes to bad() and is left out; without bad() it
 * stops the read with "FILE:LINE: FIELD: REASON".
 *
 * Ownership: the text of every emitted record lives in the arena, which
 * the caller releases after the last emit.
 */
#ifndef IMPORT_ZENDESK_H
#define IMPORT_ZENDESK_H

#include "core/arena.h"
#include "core/err.h"
#include "kpi/dataset.h"

/*
 * Read the export in dir and call emit once per record of dataset which
 * (DS_INTERACTIONS or DS_AGENTS), in the order of ticket_data.csv /
 * user_data.csv; file and line locate the row it comes from.  emit returns
 * nonzero (with e set) to stop, and zendesk_read then returns e's code.
 * bad(ctx, file, line, field, reason) gets the rows left out (may be NULL).
 * ticket_data.csv (interactions) or user_data.csv (agents) must exist; the
 * other files are optional.
 */
enum err_code	zendesk_read(const char *dir, enum ds which,
		    int (*emit)(void *ctx, const struct ds_rec *,
		    const char *file, long line, struct err *e),
		    void (*bad)(void *ctx, const char *file, long line,
		    const char *field, const char *reason),
		    void *ctx, struct arena *, struct err *);

#endif /* IMPORT_ZENDESK_H */
