build-dev/src/okr/lint.o: src/okr/lint.c src/core/buf.h src/core/err.h \
 src/kpi/kpi.h src/core/arena.h src/kpi/calendar.h src/kpi/dataset.h \
 src/kpi/snapshot.h src/okr/kpilink.h src/okr/okr.h src/okr/field.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/lint.h \
 src/okr/eval.h src/okr/pace.h src/okr/lint_int.h
src/core/buf.h:
src/core/err.h:
src/kpi/kpi.h:
src/core/arena.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/kpilink.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/lint.h:
src/okr/eval.h:
src/okr/pace.h:
src/okr/lint_int.h:
