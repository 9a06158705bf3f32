build-dev/src/cli/cmd-serve.o: src/cli/cmd-serve.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/okr/user.h src/web/auth.h \
 src/web/http.h src/core/parse.h src/web/server.h
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
src/okr/user.h:
src/web/auth.h:
src/web/http.h:
src/core/parse.h:
src/web/server.h:
