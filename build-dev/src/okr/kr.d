build-dev/src/okr/kr.o: src/okr/kr.c src/core/parse.h src/core/err.h \
 src/okr/close.h src/core/arena.h src/okr/field.h src/core/buf.h \
 src/okr/okr.h src/okr/progress.h src/store/store.h src/store/stmt.h \
 src/okr/kpilink.h src/kpi/kpi.h src/kpi/calendar.h src/kpi/dataset.h \
 src/kpi/snapshot.h src/okr/refs.h
src/core/parse.h:
src/core/err.h:
src/okr/close.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/okr.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/kpilink.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/refs.h:
