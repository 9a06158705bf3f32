build-dev/src/import/survey.o: src/import/survey.c src/import/import.h \
 src/core/err.h src/kpi/dataset.h src/store/store.h src/store/stmt.h \
 src/import/survey.h src/core/arena.h src/okr/okr.h src/okr/field.h \
 src/core/buf.h src/okr/progress.h
src/import/import.h:
src/core/err.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/import/survey.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
