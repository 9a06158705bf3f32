build-dev/src/web/page_import.o: src/web/page_import.c src/core/html.h \
 src/core/buf.h src/core/err.h src/import/import.h src/kpi/dataset.h \
 src/store/store.h src/store/stmt.h src/okr/kpilink.h src/core/arena.h \
 src/kpi/kpi.h src/kpi/calendar.h src/kpi/snapshot.h src/okr/okr.h \
 src/okr/field.h src/okr/progress.h src/web/page.h src/okr/eval.h \
 src/okr/pace.h src/web/http.h src/web/i18n.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/import/import.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/okr/kpilink.h:
src/core/arena.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/snapshot.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/web/page.h:
src/okr/eval.h:
src/okr/pace.h:
src/web/http.h:
src/web/i18n.h:
