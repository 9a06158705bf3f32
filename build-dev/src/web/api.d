build-dev/src/web/api.o: src/web/api.c src/core/parse.h src/core/err.h \
 src/okr/eval.h src/core/arena.h src/okr/okr.h src/okr/field.h \
 src/core/buf.h src/okr/progress.h src/store/store.h src/store/stmt.h \
 src/okr/pace.h src/okr/evaljson.h src/kpi/kpi.h src/kpi/calendar.h \
 src/kpi/dataset.h src/kpi/snapshot.h src/web/api.h src/web/http.h
src/core/parse.h:
src/core/err.h:
src/okr/eval.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/evaljson.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/web/api.h:
src/web/http.h:
