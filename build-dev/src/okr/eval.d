build-dev/src/okr/eval.o: src/okr/eval.c src/okr/eval.h src/core/arena.h \
 src/core/err.h src/okr/okr.h src/okr/field.h src/core/buf.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/pace.h
src/okr/eval.h:
src/core/arena.h:
src/core/err.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
