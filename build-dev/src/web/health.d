build-dev/src/web/health.o: src/web/health.c src/web/http.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/okr.h \
 src/okr/field.h src/okr/progress.h src/store/store.h src/store/stmt.h
src/web/http.h:
src/core/arena.h:
src/core/buf.h:
src/core/err.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
