build-dev/src/cli/cmd-lint.o: src/cli/cmd-lint.c src/cli/cli.h \
 src/core/arena.h src/core/buf.h src/core/err.h src/okr/eval.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/okr/pace.h src/kpi/load.h src/kpi/snapshot.h \
 src/kpi/dataset.h src/okr/lint.h
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
src/kpi/load.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/okr/lint.h:
