build-dev/src/store/store.o: src/store/store.c src/core/buf.h \
 src/core/err.h src/store/backend.h src/store/store.h src/store/stmt.h
src/core/buf.h:
src/core/err.h:
src/store/backend.h:
src/store/store.h:
src/store/stmt.h:
