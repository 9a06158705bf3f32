build-dev/src/web/page_home.o: src/web/page_home.c src/core/html.h \
 src/core/buf.h src/core/err.h src/kpi/kpi.h src/core/arena.h \
 src/kpi/calendar.h src/kpi/dataset.h src/kpi/snapshot.h \
 src/web/kpicache.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/web/page.h src/okr/eval.h \
 src/okr/pace.h src/web/http.h src/web/i18n.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/kpi/kpi.h:
src/core/arena.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/web/kpicache.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/page.h:
src/okr/eval.h:
src/okr/pace.h:
src/web/http.h:
src/web/i18n.h:
