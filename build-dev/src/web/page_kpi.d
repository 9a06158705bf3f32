build-dev/src/web/page_kpi.o: src/web/page_kpi.c src/core/html.h \
 src/core/buf.h src/core/err.h src/core/parse.h src/kpi/kpi.h \
 src/core/arena.h src/kpi/calendar.h src/kpi/dataset.h src/kpi/snapshot.h \
 src/okr/kpilink.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/web/kpicache.h src/web/page.h \
 src/okr/eval.h src/okr/pace.h src/web/http.h src/web/i18n.h \
 src/web/svg.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/core/parse.h:
src/kpi/kpi.h:
src/core/arena.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/kpilink.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/kpicache.h:
src/web/page.h:
src/okr/eval.h:
src/okr/pace.h:
src/web/http.h:
src/web/i18n.h:
src/web/svg.h:
