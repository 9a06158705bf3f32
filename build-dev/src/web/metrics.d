build-dev/src/web/metrics.o: src/web/metrics.c src/kpi/kpi.h \
 src/core/arena.h src/core/err.h src/kpi/calendar.h src/core/buf.h \
 src/kpi/dataset.h src/kpi/snapshot.h src/okr/eval.h src/okr/okr.h \
 src/okr/field.h src/okr/progress.h src/store/store.h src/store/stmt.h \
 src/okr/pace.h src/okr/kpilink.h src/web/kpicache.h src/web/metrics.h \
 src/web/http.h src/web/server.h
src/kpi/kpi.h:
src/core/arena.h:
src/core/err.h:
src/kpi/calendar.h:
src/core/buf.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/kpilink.h:
src/web/kpicache.h:
src/web/metrics.h:
src/web/http.h:
src/web/server.h:
