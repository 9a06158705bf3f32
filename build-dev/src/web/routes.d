build-dev/src/web/routes.o: src/web/routes.c src/web/api_entity.h \
 src/okr/user.h src/core/arena.h src/core/err.h src/okr/okr.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/web/http.h src/web/api_more.h src/web/coach.h \
 src/web/metrics.h src/web/page.h src/okr/eval.h src/okr/pace.h \
 src/web/i18n.h src/web/router.h src/web/survey.h
src/web/api_entity.h:
src/okr/user.h:
src/core/arena.h:
src/core/err.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/http.h:
src/web/api_more.h:
src/web/coach.h:
src/web/metrics.h:
src/web/page.h:
src/okr/eval.h:
src/okr/pace.h:
src/web/i18n.h:
src/web/router.h:
src/web/survey.h:
