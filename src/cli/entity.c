/*
 * entity.c: the shared add / edit / list / show / rm driver.  See entity.h.
 */
#include <stdio.h>
#include <string.h>

#include "cli/entity.h"

json_t *
entity_json(const struct entity_cmd *ec, const void *obj)
{
	json_t	*j;

	if ((j = cli_json_fields(ec->fields, obj, ec->id(obj))) != NULL &&
	    ec->extra_json != NULL)
		ec->extra_json(obj, j);
	return j;
}

/*
 * Read --FIELD VALUE (or --FIELD=VALUE), --unset FIELD and the entity's
 * extra options into obj.  The first argument that is not an option is
 * the identity (when identp is not NULL).  --json sets *json.
 */
static int
entity_opts(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv, int start, void *obj, const char **identp, int *json)
{
	const struct field_def	*f;
	const char		*v, *a;
	char			 name[64];
	size_t			 n;
	int			 i, r;

	/* renaming (edit) passes no identp: then --name / --key may be set */
	for (i = start; i < argc; i++) {
		a = argv[i];
		if (strncmp(a, "--", 2) != 0) {
			if (identp == NULL || *identp != NULL)
				return cli_usage(cli, ec->cmd, "unexpected "
				    "argument \"%s\"", a);
			*identp = a;
			continue;
		}
		if (json != NULL && cli_flag(argv, i, "json")) {
			*json = 1;
			continue;
		}
		if (ec->extra_opt != NULL &&
		    (r = ec->extra_opt(cli, argc, argv, &i, obj, &cli->arena))
		    != 0) {
			if (r < 0)
				return cli_fail(cli, cli->err.code);
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "unset", &v)) != 0) {
			if (r < 0)
				return 2;
			if (field_set(ec->fields, obj, v, NULL, &cli->arena,
			    &cli->err) != ERR_OK)
				return cli_fail(cli, cli->err.code);
			continue;
		}
		n = strcspn(a + 2, "=");
		if (n == 0 || n >= sizeof(name))
			return cli_usage(cli, ec->cmd, "unknown option %s", a);
		memcpy(name, a + 2, n);
		name[n] = '\0';
		f = field_find(ec->fields, name);
		if (f == NULL || (f->flags & F_READONLY) ||
		    ((f->flags & F_IDENTITY) && identp != NULL))
			return cli_usage(cli, ec->cmd, "unknown option %s",
			    a);
		if (cli_opt(cli, argc, argv, &i, name, &v) != 1)
			return 2;	/* the value is missing */
		if (field_set(ec->fields, obj, name, v, &cli->arena,
		    &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
	}
	return 0;
}

static int
entity_print(struct cli *cli, const struct entity_cmd *ec, const void *obj)
{
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;
	int			 rc;

	for (f = ec->fields; f->name != NULL; f++) {
		if (field_isnull(f, obj))
			continue;
		buf_printf(&b, "%-12s ", f->name);
		field_format(f, obj, &b);
		buf_putc(&b, '\n');
	}
	if (ec->extra_show != NULL)
		ec->extra_show(obj, &b);
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
entity_add(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv)
{
	void		*obj;
	const char	*ident = NULL;
	int		 json = 0, rc;

	if ((obj = arena_alloc(&cli->arena, ec->size)) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM, "out of "
		    "memory"));
	ec->defaults(obj);
	if ((rc = entity_opts(cli, ec, argc, argv, 2, obj, &ident, &json)) != 0)
		return rc;
	if (ident == NULL)
		return cli_usage(cli, ec->cmd, "%s add needs the %s's %s",
		    ec->what, ec->what, ec->fields[0].name);
	if (ec->ident(obj, ident, &cli->arena, &cli->err) != ERR_OK ||
	    ec->add(cli->okr, obj, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json)
		return cli_json_print(cli, entity_json(ec, obj));
	printf("added %s %s\n", ec->what, ident);
	return 0;
}

static int
entity_edit(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv)
{
	void		*old, *obj;
	const char	*ident;
	int		 json = 0, rc;

	if (argc < 3 || strncmp(argv[2], "--", 2) == 0)
		return cli_usage(cli, ec->cmd, "%s edit needs the %s to edit",
		    ec->what, ec->what);
	ident = argv[2];
	if ((old = arena_alloc(&cli->arena, ec->size)) == NULL ||
	    (obj = arena_alloc(&cli->arena, ec->size)) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM, "out of "
		    "memory"));
	if (ec->get(cli->okr, ident, &cli->arena, old, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	memcpy(obj, old, ec->size);
	/* a new identity is given as --name / --key, like any field */
	if ((rc = entity_opts(cli, ec, argc, argv, 3, obj, NULL, &json)) != 0)
		return rc;
	if (ec->update(cli->okr, old, obj, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json)
		return cli_json_print(cli, entity_json(ec, obj));
	printf("updated %s %s\n", ec->what, ident);
	return 0;
}

static int
entity_show(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv)
{
	void		*obj;
	const char	*ident = NULL;
	int		 json = 0, i;

	for (i = 2; i < argc; i++) {
		if (cli_flag(argv, i, "json"))
			json = 1;
		else if (ident == NULL && argv[i][0] != '-')
			ident = argv[i];
		else
			return cli_usage(cli, ec->cmd, "unexpected argument "
			    "\"%s\"", argv[i]);
	}
	if (ident == NULL)
		return cli_usage(cli, ec->cmd, "%s show needs the %s to show",
		    ec->what, ec->what);
	if ((obj = arena_alloc(&cli->arena, ec->size)) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM, "out of "
		    "memory"));
	if (ec->get(cli->okr, ident, &cli->arena, obj, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json)
		return cli_json_print(cli, entity_json(ec, obj));
	return entity_print(cli, ec, obj);
}

static int
entity_list(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv, int start)
{
	const struct field_def	*f;
	const char		*cycle = NULL;
	unsigned char		*v;
	struct buf		 b = BUF_INIT, cell = BUF_INIT;
	json_t			*arr;
	size_t			 n, i, c, ncol, w[16];
	int			 json = 0, k, r;

	for (k = start; k < argc; k++) {
		if (cli_flag(argv, k, "json"))
			json = 1;
		else if (ec->has_cycle &&
		    (r = cli_opt(cli, argc, argv, &k, "cycle", &cycle)) != 0) {
			if (r < 0)
				return 2;
		} else
			return cli_usage(cli, ec->cmd, "unexpected argument "
			    "\"%s\"", argv[k]);
	}
	if (ec->list(cli->okr, cycle, &cli->arena, &v, &n, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json) {
		arr = json_array();
		for (i = 0; i < n && arr != NULL; i++)
			json_array_append_new(arr, entity_json(ec,
			    v + i * ec->size));
		return cli_json_print(cli, arr);
	}
	if (n == 0) {
		printf("no %s yet\n", ec->what);
		return 0;
	}
	/* a plain aligned table: widths from the header and every cell */
	for (ncol = 0; ec->columns[ncol] != NULL && ncol < 16; ncol++)
		w[ncol] = strlen(ec->columns[ncol]);
	for (i = 0; i < n; i++)
		for (c = 0; c < ncol; c++) {
			f = field_find(ec->fields, ec->columns[c]);
			buf_reset(&cell);
			field_format(f, v + i * ec->size, &cell);
			if (cell.len > w[c])
				w[c] = cell.len > 40 ? 40 : cell.len;
		}
	for (c = 0; c < ncol; c++)
		buf_printf(&b, "%-*s%s", c + 1 < ncol ? (int)w[c] : 0,
		    ec->columns[c], c + 1 < ncol ? "  " : "\n");
	for (i = 0; i < n; i++)
		for (c = 0; c < ncol; c++) {
			f = field_find(ec->fields, ec->columns[c]);
			buf_reset(&cell);
			field_format(f, v + i * ec->size, &cell);
			if (c + 1 == ncol)	/* no padding at the end */
				buf_printf(&b, "%.*s\n", (int)w[c],
				    cell.len ? buf_cstr(&cell) : "-");
			else
				buf_printf(&b, "%-*.*s  ", (int)w[c],
				    (int)w[c], cell.len ? buf_cstr(&cell) :
				    "-");
		}
	r = cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	buf_release(&cell);
	return r;
}

static int
entity_rm(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv)
{
	if (argc != 3 || argv[2][0] == '-')
		return cli_usage(cli, ec->cmd, "%s rm needs exactly one %s",
		    ec->what, ec->what);
	if (ec->rm(cli->okr, argv[2], &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	printf("removed %s %s\n", ec->what, argv[2]);
	return 0;
}

int
entity_run(struct cli *cli, const struct entity_cmd *ec, int argc,
    char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : "list";

	if (strcmp(sub, "add") == 0)
		return entity_add(cli, ec, argc, argv);
	if (strcmp(sub, "edit") == 0)
		return entity_edit(cli, ec, argc, argv);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "ls") == 0)
		return entity_list(cli, ec, argc, argv, 2);
	if (strcmp(sub, "show") == 0)
		return entity_show(cli, ec, argc, argv);
	if (strcmp(sub, "rm") == 0)
		return entity_rm(cli, ec, argc, argv);
	if (strncmp(sub, "--", 2) == 0)
		return entity_list(cli, ec, argc, argv, 1);
	return cli_usage(cli, ec->cmd, "unknown subcommand \"%s\" (expected "
	    "add, edit, list, show or rm)", sub);
}
