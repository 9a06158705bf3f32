build-dev/src/store/store.o: src/store/store.c src/store/backend.h \
 src/store/store.h src/core/err.h src/store/stmt.h
src/store/backend.h:
src/store/store.h:
src/core/err.h:
src/store/stmt.h:
