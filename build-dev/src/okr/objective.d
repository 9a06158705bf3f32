build-dev/src/okr/objective.o: src/okr/objective.c src/core/parse.h \
 src/core/err.h src/okr/close.h src/core/arena.h src/okr/field.h \
 src/core/buf.h src/okr/okr.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/refs.h
src/core/parse.h:
src/core/err.h:
src/okr/close.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/okr.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/refs.h:
