build-dev/src/web/server.o: src/web/server.c src/core/clock.h \
 src/core/err.h src/web/router.h src/web/http.h src/core/arena.h \
 src/core/buf.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/web/server.h
src/core/clock.h:
src/core/err.h:
src/web/router.h:
src/web/http.h:
src/core/arena.h:
src/core/buf.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/server.h:
