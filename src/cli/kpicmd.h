/*
 * kpicmd.h: what the files of 'okrdesk kpi' share (cmd-kpi.c, kpi-admin.c).
 */
#ifndef CLI_KPICMD_H
#define CLI_KPICMD_H

#include "cli/cli.h"
#include "kpi/kpi.h"
#include "kpi/snapshot.h"

extern const struct cmd_entry cmd_kpi_entry;

struct show_opts {
	struct kpi_query	 q;
	int			 json;
	int			 business;
	int			 days;
	int			 have_window;
};

/* The window, segment and option flags from argv[from..]; key (if not
 * NULL) gets the one positional argument.  0, or an exit code. */
int	parse_show(struct cli *, int argc, char **argv, int from,
	    struct show_opts *, const char **key);
/* A value in its unit for people ("87.3%", "52.0 min", "—"). */
void	fmt_value(const struct kpi_def *, double, char *, size_t);
/* The snapshot of the workspace's data; 0, or an exit code. */
int	load_snap(struct cli *, struct snap **);

int	kpi_health(struct cli *, int argc, char **argv);
int	kpi_corridor(struct cli *, int argc, char **argv);
int	kpi_schedule(struct cli *, int argc, char **argv);
int	kpi_bench(struct cli *, int argc, char **argv);

#endif /* CLI_KPICMD_H */
