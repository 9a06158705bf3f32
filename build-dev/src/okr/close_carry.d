build-dev/src/okr/close_carry.o: src/okr/close_carry.c src/okr/close.h \
 src/core/arena.h src/core/err.h src/okr/field.h src/core/buf.h \
 src/okr/okr.h src/okr/progress.h src/store/store.h src/store/stmt.h \
 src/okr/refs.h
src/okr/close.h:
src/core/arena.h:
src/core/err.h:
src/okr/field.h:
src/core/buf.h:
src/okr/okr.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/refs.h:
