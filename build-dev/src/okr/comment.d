build-dev/src/okr/comment.o: src/okr/comment.c src/core/parse.h \
 src/core/err.h src/okr/comment.h src/core/arena.h src/okr/okr.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/refs.h
src/core/parse.h:
src/core/err.h:
src/okr/comment.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/refs.h:
