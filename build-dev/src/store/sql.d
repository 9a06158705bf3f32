build-dev/src/store/sql.o: src/store/sql.c src/store/backend.h \
 src/store/store.h src/core/err.h src/store/stmt.h
src/store/backend.h:
src/store/store.h:
src/core/err.h:
src/store/stmt.h:
