build-dev/src/cli/cmd-objective.o: src/cli/cmd-objective.c \
 src/cli/entity.h src/cli/cli.h src/core/arena.h src/core/buf.h \
 src/core/err.h src/okr/eval.h src/okr/okr.h src/okr/field.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/pace.h \
 src/okr/evaljson.h src/kpi/kpi.h src/kpi/calendar.h src/kpi/dataset.h \
 src/kpi/snapshot.h
src/cli/entity.h:
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
src/okr/evaljson.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
