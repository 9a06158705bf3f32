build-dev/src/kpi/load.o: src/kpi/load.c src/kpi/load.h src/core/err.h \
 src/kpi/snapshot.h src/kpi/dataset.h src/store/store.h src/store/stmt.h
src/kpi/load.h:
src/core/err.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
