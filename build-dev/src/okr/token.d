build-dev/src/okr/token.o: src/okr/token.c src/core/parse.h \
 src/core/err.h src/okr/refs.h src/okr/okr.h src/core/arena.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/user.h
src/core/parse.h:
src/core/err.h:
src/okr/refs.h:
src/okr/okr.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/user.h:
