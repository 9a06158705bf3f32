build-dev/src/web/page.o: src/web/page.c src/core/html.h src/core/buf.h \
 src/core/err.h src/okr/user.h src/core/arena.h src/okr/okr.h \
 src/okr/field.h src/okr/progress.h src/store/store.h src/store/stmt.h \
 src/web/page.h src/okr/eval.h src/okr/pace.h src/web/http.h \
 src/web/i18n.h src/web/svg.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/okr/user.h:
src/core/arena.h:
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
src/web/svg.h:
