build-dev/src/import/zendesk.o: src/import/zendesk.c src/core/parse.h \
 src/core/err.h src/import/rows.h src/import/zendesk.h src/core/arena.h \
 src/kpi/dataset.h
src/core/parse.h:
src/core/err.h:
src/import/rows.h:
src/import/zendesk.h:
src/core/arena.h:
src/kpi/dataset.h:
