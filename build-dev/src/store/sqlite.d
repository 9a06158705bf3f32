build-dev/src/store/sqlite.o: src/store/sqlite.c src/store/backend.h \
 src/store/store.h src/core/err.h src/store/stmt.h
src/store/backend.h:
src/store/store.h:
src/core/err.h:
src/store/stmt.h:
