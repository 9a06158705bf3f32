build-dev/src/cli/cmd-demo.o: src/cli/cmd-demo.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/core/clock.h src/import/gen.h \
 src/kpi/dataset.h src/import/import.h src/okr/kpilink.h src/kpi/kpi.h \
 src/kpi/calendar.h src/kpi/snapshot.h src/okr/user.h src/okr/demo.h
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
src/core/clock.h:
src/import/gen.h:
src/kpi/dataset.h:
src/import/import.h:
src/okr/kpilink.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/snapshot.h:
src/okr/user.h:
src/okr/demo.h:
