build-dev/src/web/api_entity.o: src/web/api_entity.c src/okr/evaljson.h \
 src/kpi/kpi.h src/core/arena.h src/core/err.h src/kpi/calendar.h \
 src/core/buf.h src/kpi/dataset.h src/kpi/snapshot.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/web/api_entity.h src/okr/user.h \
 src/web/http.h src/web/auth.h
src/okr/evaljson.h:
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
src/web/api_entity.h:
src/okr/user.h:
src/web/http.h:
src/web/auth.h:
