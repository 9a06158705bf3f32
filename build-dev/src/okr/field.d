build-dev/src/okr/field.o: src/okr/field.c src/core/clock.h \
 src/core/err.h src/core/parse.h src/okr/field.h src/core/arena.h \
 src/core/buf.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
src/okr/field.h:
src/core/arena.h:
src/core/buf.h:
