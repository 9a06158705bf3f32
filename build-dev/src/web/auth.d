build-dev/src/web/auth.o: src/web/auth.c src/core/html.h src/core/buf.h \
 src/core/err.h src/core/parse.h src/okr/evaljson.h src/kpi/kpi.h \
 src/core/arena.h src/kpi/calendar.h src/kpi/dataset.h src/kpi/snapshot.h \
 src/okr/eval.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/okr/pace.h src/okr/user.h \
 src/web/auth.h src/web/http.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/core/parse.h:
src/okr/evaljson.h:
src/kpi/kpi.h:
src/core/arena.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/user.h:
src/web/auth.h:
src/web/http.h:
