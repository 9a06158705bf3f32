build-dev/src/okr/remind.o: src/okr/remind.c src/core/clock.h \
 src/core/err.h src/okr/remind.h src/core/arena.h src/core/buf.h \
 src/okr/eval.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/okr/pace.h
src/core/clock.h:
src/core/err.h:
src/okr/remind.h:
src/core/arena.h:
src/core/buf.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
