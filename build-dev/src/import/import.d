build-dev/src/import/import.o: src/import/import.c src/core/arena.h \
 src/import/import.h src/core/err.h src/kpi/dataset.h src/store/store.h \
 src/store/stmt.h src/import/profile.h src/import/rows.h \
 src/import/zendesk.h
src/core/arena.h:
src/import/import.h:
src/core/err.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/import/profile.h:
src/import/rows.h:
src/import/zendesk.h:
