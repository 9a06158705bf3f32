/*
 * cmd-serve.c: okrdesk serve: the web dashboard and JSON API over HTTP.
 *
 * Parses the options, starts web/server.c, prints where it listens, and
 * waits for SIGTERM or SIGINT, which it blocks before the server's
 * threads start so that they inherit the mask and the signal is taken
 * here, by sigwait, not in the middle of a request.  Then it stops the
 * server gracefully: no new connections, the requests in flight finish,
 * the workspaces close, exit 0.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "okr/user.h"
#include "web/auth.h"
#include "core/parse.h"
#include "web/server.h"

static int cmd_serve(struct cli *, int, char **);

const struct cmd_entry cmd_serve_entry = {
	"serve", cmd_serve, CMD_WORKSPACE,
	"serve the web dashboard and the JSON API over HTTP",
	"usage: okrdesk serve [--listen ADDR:PORT] [--threads N] "
	"[--max-body BYTES] [--quiet]\n\n"
	"Serve the workspace over HTTP until SIGTERM or SIGINT (Ctrl-C),\n"
	"then stop accepting connections, finish the requests in flight\n"
	"and exit 0.  Prints 'okrdesk: serving DB on URL' once listening.\n"
	"See docs/api.md.\n\n"
	"  --listen ADDR:PORT  where to listen (default "
	SERVER_LISTEN_DEFAULT ");\n"
	"                      [::1]:PORT for IPv6; port 0 picks a free one\n"
	"  --threads N         worker threads (default 2 x cores), each\n"
	"                      with its own database connection\n"
	"  --max-body BYTES    largest request body (default 10485760);\n"
	"                      a larger one is answered 413\n"
	"  --quiet             no request log on stderr\n"
	"  --secure-cookies    mark the session cookie Secure (behind a\n"
	"                      TLS proxy)\n\n"
	"Sign-in: people sign in with the users of 'okrdesk user'; scripts\n"
	"use API tokens ('okrdesk token').  With no user yet, the server\n"
	"says how to create the first admin.\n\n"
	"The request log is one line per request on stderr: method, path,\n"
	"status and milliseconds.\n\n"
	"example: okrdesk --db demo.db serve --listen 0.0.0.0:8080\n\n"
	"Exit status: 0 stopped by a signal, 1 could not serve (the port is\n"
	"busy, no workspace), 2 bad usage.\n"
};

static int
cmd_serve(struct cli *cli, int argc, char **argv)
{
	struct server_opts	 o;
	struct server		*srv;
	const char		*v;
	sigset_t		 set;
	int64_t			 n;
	int			 i, rc, sig;

	memset(&o, 0, sizeof(o));
	o.db = cli->db;
	o.authenticate = auth_request;
	for (i = 1; i < argc; i++) {
		if ((rc = cli_opt(cli, argc, argv, &i, "listen", &v)) != 0) {
			if (rc < 0)
				return 2;
			o.listen = v;
		} else if ((rc = cli_opt(cli, argc, argv, &i, "threads", &v))
		    != 0) {
			if (rc < 0 || parse_int(v, 1, 256, &n, &cli->err) !=
			    ERR_OK)
				return cli_usage(cli, &cmd_serve_entry,
				    "--threads '%s' is not 1..256", v);
			o.threads = (unsigned)n;
		} else if ((rc = cli_opt(cli, argc, argv, &i, "max-body", &v))
		    != 0) {
			if (rc < 0 || parse_int(v, 1, INT64_C(1) << 32, &n,
			    &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_serve_entry,
				    "--max-body '%s' is not a number of bytes "
				    "(1..4294967296)", v);
			o.max_body = (size_t)n;
		} else if (cli_flag(argv, i, "quiet"))
			o.quiet = 1;
		else if (cli_flag(argv, i, "secure-cookies"))
			auth_secure_cookies(1);
		else
			return cli_usage(cli, &cmd_serve_entry,
			    "unknown argument '%s'", argv[i]);
	}

	/* Block before the threads exist, so only sigwait sees these. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (server_start(&o, &srv, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code == ERR_USAGE ? ERR_USAGE :
		    ERR_IO);
	printf("okrdesk: serving %s on %s\n", cli->db_shown, server_url(srv));
	if (user_count(cli->okr) == 0)
		printf("okrdesk: no user can sign in yet: create the first "
		    "admin with\n  okrdesk --db %s user add admin --role "
		    "admin\n", cli->db_shown);
	fflush(stdout);
	while (sigwait(&set, &sig) != 0)
		;
	if (!o.quiet)
		fprintf(stderr, "okrdesk: %s, finishing the requests in "
		    "flight\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	server_stop(srv, SERVER_GRACE_DEFAULT);
	return 0;
}
