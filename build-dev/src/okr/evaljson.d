build-dev/src/okr/evaljson.o: src/okr/evaljson.c src/core/arena.h \
 src/core/buf.h src/core/err.h src/core/clock.h src/kpi/dataset.h \
 src/okr/evaljson.h src/kpi/kpi.h src/kpi/calendar.h src/kpi/snapshot.h \
 src/okr/eval.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/okr/pace.h src/okr/kpilink.h
src/core/arena.h:
src/core/buf.h:
src/core/err.h:
src/core/clock.h:
src/kpi/dataset.h:
src/okr/evaljson.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/snapshot.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/kpilink.h:
