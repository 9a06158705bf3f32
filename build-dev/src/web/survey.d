build-dev/src/web/survey.o: src/web/survey.c src/core/html.h \
 src/core/buf.h src/core/err.h src/core/parse.h src/import/survey.h \
 src/core/arena.h src/okr/okr.h src/okr/field.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/web/survey.h src/web/http.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/core/parse.h:
src/import/survey.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/survey.h:
src/web/http.h:
