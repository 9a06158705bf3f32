build-dev/src/web/http.o: src/web/http.c src/core/html.h src/core/buf.h \
 src/core/err.h src/web/http.h src/core/arena.h src/okr/okr.h \
 src/okr/field.h src/okr/progress.h src/store/store.h src/store/stmt.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/web/http.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
