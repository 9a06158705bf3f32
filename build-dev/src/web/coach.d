build-dev/src/web/coach.o: src/web/coach.c src/core/html.h src/core/buf.h \
 src/core/err.h src/okr/lint.h src/core/arena.h src/kpi/snapshot.h \
 src/kpi/dataset.h src/okr/eval.h src/okr/okr.h src/okr/field.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/pace.h \
 src/okr/review.h src/kpi/kpi.h src/kpi/calendar.h src/web/http.h \
 src/web/i18n.h src/web/kpicache.h src/web/page.h src/web/router.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/okr/lint.h:
src/core/arena.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/review.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/web/http.h:
src/web/i18n.h:
src/web/kpicache.h:
src/web/page.h:
src/web/router.h:
