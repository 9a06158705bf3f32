build-dev/src/cli/cmd-import.o: src/cli/cmd-import.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/core/parse.h src/import/import.h \
 src/kpi/dataset.h src/okr/kpilink.h src/kpi/kpi.h src/kpi/calendar.h \
 src/kpi/snapshot.h
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
src/core/parse.h:
src/import/import.h:
src/kpi/dataset.h:
src/okr/kpilink.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/snapshot.h:
