build-dev/src/store/copy.o: src/store/copy.c src/core/arena.h \
 src/core/buf.h src/core/err.h src/store/backend.h src/store/store.h \
 src/store/stmt.h src/store/copy.h
src/core/arena.h:
src/core/buf.h:
src/core/err.h:
src/store/backend.h:
src/store/store.h:
src/store/stmt.h:
src/store/copy.h:
