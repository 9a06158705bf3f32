build-dev/src/okr/demo.o: src/okr/demo.c src/core/clock.h src/core/err.h \
 src/okr/demo.h src/okr/okr.h src/core/arena.h src/okr/field.h \
 src/core/buf.h src/okr/progress.h src/store/store.h src/store/stmt.h
src/core/clock.h:
src/core/err.h:
src/okr/demo.h:
src/okr/okr.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
