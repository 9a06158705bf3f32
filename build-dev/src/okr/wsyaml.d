build-dev/src/okr/wsyaml.o: src/okr/wsyaml.c src/okr/wsyaml.h \
 src/core/arena.h src/core/err.h src/okr/field.h src/core/buf.h
src/okr/wsyaml.h:
src/core/arena.h:
src/core/err.h:
src/okr/field.h:
src/core/buf.h:
