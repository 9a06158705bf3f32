build-dev/src/okr/wsexport.o: src/okr/wsexport.c src/okr/wsfile.h \
 src/core/buf.h src/core/err.h src/okr/okr.h src/core/arena.h \
 src/okr/field.h src/okr/progress.h src/store/store.h src/store/stmt.h
src/okr/wsfile.h:
src/core/buf.h:
src/core/err.h:
src/okr/okr.h:
src/core/arena.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
