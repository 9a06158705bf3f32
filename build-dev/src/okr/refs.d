build-dev/src/okr/refs.o: src/okr/refs.c src/okr/refs.h src/okr/okr.h \
 src/core/arena.h src/core/err.h src/okr/field.h src/core/buf.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h
src/okr/refs.h:
src/okr/okr.h:
src/core/arena.h:
src/core/err.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
