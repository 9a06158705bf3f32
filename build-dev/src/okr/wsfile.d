build-dev/src/okr/wsfile.o: src/okr/wsfile.c src/okr/refs.h src/okr/okr.h \
 src/core/arena.h src/core/err.h src/okr/field.h src/core/buf.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/wsfile.h \
 src/okr/wsyaml.h
src/okr/refs.h:
src/okr/okr.h:
src/core/arena.h:
src/core/err.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/wsfile.h:
src/okr/wsyaml.h:
