/*
 * cmd-export.c: okrdesk export [--output FILE]: the workspace as a YAML
 * workspace file (okr/wsfile.h), the format 'okrdesk apply' reads.
 *
 * With --output the file is replaced atomically: the text goes to
 * FILE.tmp, which is synced and then renamed over FILE, so a crash or a
 * full disk leaves either the old file or the new one, never half of one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "okr/wsfile.h"

static int cmd_export(struct cli *, int, char **);

const struct cmd_entry cmd_export_entry = {
	"export", cmd_export, CMD_WORKSPACE,
	"Write the workspace as a YAML workspace file",
	"usage: okrdesk export [--output FILE]\n\n"
	"Write the workspace settings, teams, people, cycles, objectives\n"
	"(with their alignments) and key results (with their milestones) as\n"
	"a YAML workspace file: OKRs as code, to keep in git, review, edit\n"
	"and bring back with 'okrdesk apply'.  The format is in\n"
	"docs/workspace-file.md.  Exporting, applying the export and\n"
	"exporting again gives the same bytes.  Check-ins, grades,\n"
	"retrospectives and the history are not part of the file.\n\n"
	"options:\n"
	"  --output FILE   write to FILE instead of standard output; FILE is\n"
	"                  replaced only once the whole text is safely on\n"
	"                  disk (written to FILE.tmp, synced, renamed)\n\n"
	"example:\n"
	"  okrdesk export --output okr.yaml\n"
	"  git diff okr.yaml\n\n"
	"Exit status: 0 written, 1 failed, 2 bad usage.\n"
};

/* Write all of s to fd. */
static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Sync the directory holding path, so the rename itself is durable. */
static void
sync_dir(const char *path)
{
	char		 dir[4096];
	const char	*slash = strrchr(path, '/');
	size_t		 n;
	int		 fd;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else {
		n = slash == path ? 1 : (size_t)(slash - path);
		if (n >= sizeof(dir))
			return;
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	(void)fsync(fd);	/* best effort: not every file system can */
	close(fd);
}

/* Replace path with text: write path.tmp, sync it, rename it over path. */
static int
export_file(struct cli *cli, const char *path, const struct buf *text)
{
	char	*tmp;
	int	 fd, saved;

	if ((tmp = arena_printf(&cli->arena, "%s.tmp", path)) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM, "out of "
		    "memory"));
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666))
	    < 0)
		return cli_fail(cli, err_set(&cli->err, ERR_IO, "cannot "
		    "create %s: %s", tmp, strerror(errno)));
	if (write_all(fd, text->data != NULL ? text->data : "", text->len)
	    != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return cli_fail(cli, err_set(&cli->err, ERR_IO, "cannot "
		    "write %s: %s", tmp, strerror(saved)));
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		return cli_fail(cli, err_set(&cli->err, ERR_IO, "cannot "
		    "write %s: %s", path, strerror(saved)));
	}
	sync_dir(path);
	return 0;
}

static int
cmd_export(struct cli *cli, int argc, char **argv)
{
	struct buf	 text = BUF_INIT;
	const char	*output = NULL;
	int		 i, r, rc;

	for (i = 1; i < argc; i++) {
		if ((r = cli_opt(cli, argc, argv, &i, "output", &output)) < 0)
			return 2;
		if (r == 0)
			return cli_usage(cli, &cmd_export_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (output != NULL && *output == '\0')
		return cli_usage(cli, &cmd_export_entry, "--output needs a "
		    "file name");
	if (wsfile_export(cli->okr, &text, &cli->err) != ERR_OK)
		rc = cli_fail(cli, cli->err.code);
	else if (output == NULL || strcmp(output, "-") == 0)
		rc = cli_out(cli, buf_cstr(&text));
	else
		rc = export_file(cli, output, &text);
	buf_release(&text);
	return rc;
}
