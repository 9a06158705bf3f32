build-dev/src/cli/cmd-kpi.o: src/cli/cmd-kpi.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/cli/kpicmd.h src/kpi/kpi.h \
 src/kpi/calendar.h src/kpi/dataset.h src/kpi/snapshot.h src/core/clock.h \
 src/core/parse.h src/kpi/load.h src/okr/evaljson.h src/okr/kpilink.h
src/cli/cli.h:
src/core/arena.h:
src/core/buf.h:
src/core/err.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/cli/kpicmd.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/core/clock.h:
src/core/parse.h:
src/kpi/load.h:
src/okr/evaljson.h:
src/okr/kpilink.h:
