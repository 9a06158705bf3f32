/*
 * entity.h: one driver for the add / edit / list / show / rm subcommands of
 * every entity (team, person, cycle, objective, kr).
 *
 * An entity command file (cmd-team.c, ...) describes its entity with a
 * struct entity_cmd: its field table and thin wrappers around the okr/
 * functions; the options, validation, output and errors come from here, so
 * every entity behaves the same way on the command line.
 */
#ifndef CLI_ENTITY_H
#define CLI_ENTITY_H

#include "cli/cli.h"

struct entity_cmd {
	const struct cmd_entry	*cmd;
	const char		*what;		/* "team" */
	const struct field_def	*fields;
	size_t			 size;		/* sizeof(struct team) */
	const char *const	*columns;	/* fields shown by list, NULL-terminated */
	int			 has_cycle;	/* list takes --cycle */
	void		(*defaults)(void *);
	/* set the identity from the positional argument (name, key, OBJ/KR) */
	enum err_code	(*ident)(void *, const char *, struct arena *,
			    struct err *);
	int64_t		(*id)(const void *);
	enum err_code	(*get)(struct okr *, const char *, struct arena *,
			    void *, struct err *);
	enum err_code	(*list)(struct okr *, const char *cycle,
			    struct arena *, void *outp, size_t *,
			    struct err *);
	enum err_code	(*add)(struct okr *, void *, struct err *);
	enum err_code	(*update)(struct okr *, const void *, void *,
			    struct err *);
	enum err_code	(*rm)(struct okr *, const char *, struct err *);
	/*
	 * Options beyond the field table (--align, --milestone): 1 if
	 * argv[*i] was one (consumed), 0 if not, -1 on error (cli->err set).
	 */
	int		(*extra_opt)(struct cli *, int, char **, int *, void *,
			    struct arena *);
	/* Extra members for JSON (aligns, milestones) and for show. */
	void		(*extra_json)(const void *, json_t *);
	void		(*extra_show)(const void *, struct buf *);
};

/*
 * The wrappers that adapt an entity's typed okr/ functions (team_get, ...)
 * to the void * signatures above; T is the struct and function prefix.
 */
#define ENTITY_GLUE(T, IDENT) \
static void \
T##_defaults_v(void *p) { T##_defaults(p); } \
static enum err_code \
T##_ident_v(void *p, const char *s, struct arena *a, struct err *e) \
{ return field_set(T##_fields, p, IDENT, s, a, e); } \
static int64_t \
T##_id_v(const void *p) { return ((const struct T *)p)->id; } \
static enum err_code \
T##_get_v(struct okr *o, const char *s, struct arena *a, void *p, \
    struct err *e) { return T##_get(o, s, a, p, e); } \
static enum err_code \
T##_add_v(struct okr *o, void *p, struct err *e) \
{ return T##_add(o, p, e); } \
static enum err_code \
T##_update_v(struct okr *o, const void *a, void *b, struct err *e) \
{ return T##_update(o, a, b, e); }

/* Run "okrdesk WHAT SUBCOMMAND ..." for the described entity. */
int	entity_run(struct cli *, const struct entity_cmd *, int, char **);

/* The entity as JSON: its fields, id and extras. */
json_t	*entity_json(const struct entity_cmd *, const void *);

#endif /* CLI_ENTITY_H */
