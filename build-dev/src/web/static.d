build-dev/src/web/static.o: src/web/static.c src/web/page.h \
 src/okr/eval.h src/core/arena.h src/core/err.h src/okr/okr.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/web/http.h src/web/i18n.h
src/web/page.h:
src/okr/eval.h:
src/core/arena.h:
src/core/err.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/web/http.h:
src/web/i18n.h:
