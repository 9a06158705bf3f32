build-dev/src/okr/session.o: src/okr/session.c src/okr/user.h \
 src/core/arena.h src/core/err.h src/okr/okr.h src/okr/field.h \
 src/core/buf.h src/okr/progress.h src/store/store.h src/store/stmt.h
src/okr/user.h:
src/core/arena.h:
src/core/err.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
