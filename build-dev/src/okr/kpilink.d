build-dev/src/okr/kpilink.o: src/okr/kpilink.c src/core/clock.h \
 src/core/err.h src/core/parse.h src/kpi/calendar.h src/core/arena.h \
 src/core/buf.h src/kpi/load.h src/kpi/snapshot.h src/kpi/dataset.h \
 src/store/store.h src/store/stmt.h src/okr/close.h src/okr/field.h \
 src/okr/okr.h src/okr/progress.h src/okr/kpilink.h src/kpi/kpi.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
src/kpi/calendar.h:
src/core/arena.h:
src/core/buf.h:
src/kpi/load.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/okr/close.h:
src/okr/field.h:
src/okr/okr.h:
src/okr/progress.h:
src/okr/kpilink.h:
src/kpi/kpi.h:
