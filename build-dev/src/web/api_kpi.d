build-dev/src/web/api_kpi.o: src/web/api_kpi.c src/core/clock.h \
 src/core/err.h src/core/parse.h src/import/import.h src/kpi/dataset.h \
 src/store/store.h src/store/stmt.h src/kpi/calendar.h src/core/arena.h \
 src/core/buf.h src/kpi/kpi.h src/kpi/snapshot.h src/okr/evaljson.h \
 src/okr/eval.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/okr/pace.h src/okr/kpilink.h src/web/api.h src/web/http.h \
 src/web/kpicache.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
src/import/import.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/kpi/calendar.h:
src/core/arena.h:
src/core/buf.h:
src/kpi/kpi.h:
src/kpi/snapshot.h:
src/okr/evaljson.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/okr/pace.h:
src/okr/kpilink.h:
src/web/api.h:
src/web/http.h:
src/web/kpicache.h:
