build-dev/src/okr/lint_kpi.o: src/okr/lint_kpi.c src/core/clock.h \
 src/core/err.h src/kpi/calendar.h src/core/arena.h src/core/buf.h \
 src/kpi/kpi.h src/kpi/dataset.h src/kpi/snapshot.h src/okr/kpilink.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/lint_int.h src/okr/eval.h src/okr/pace.h \
 src/okr/lint.h
src/core/clock.h:
src/core/err.h:
src/kpi/calendar.h:
src/core/arena.h:
src/core/buf.h:
src/kpi/kpi.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/kpilink.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/lint_int.h:
src/okr/eval.h:
src/okr/pace.h:
src/okr/lint.h:
