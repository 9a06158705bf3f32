build-dev/src/okr/cycle.o: src/okr/cycle.c src/core/clock.h \
 src/core/err.h src/okr/close.h src/core/arena.h src/okr/field.h \
 src/core/buf.h src/okr/okr.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/refs.h
src/core/clock.h:
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
