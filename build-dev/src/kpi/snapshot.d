build-dev/src/kpi/snapshot.o: src/kpi/snapshot.c src/kpi/snap_int.h \
 src/kpi/snapshot.h src/core/err.h src/kpi/dataset.h
src/kpi/snap_int.h:
src/kpi/snapshot.h:
src/core/err.h:
src/kpi/dataset.h:
