build-dev/src/cli/cmd-token.o: src/cli/cmd-token.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/core/clock.h src/core/parse.h \
 src/okr/user.h
src/cli/cli.h:
src/core/arena.h:
src/core/buf.h:
src/core/err.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/core/clock.h:
src/core/parse.h:
src/okr/user.h:
