build-dev/src/kpi/kpi_ix.o: src/kpi/kpi_ix.c src/kpi/kpi_int.h \
 src/kpi/kpi.h src/core/arena.h src/core/err.h src/kpi/calendar.h \
 src/core/buf.h src/kpi/dataset.h src/kpi/snapshot.h src/kpi/snap_int.h
src/kpi/kpi_int.h:
src/kpi/kpi.h:
src/core/arena.h:
src/core/err.h:
src/kpi/calendar.h:
src/core/buf.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/kpi/snap_int.h:
