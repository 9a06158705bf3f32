build-dev/src/kpi/kpi.o: src/kpi/kpi.c src/core/clock.h src/core/err.h \
 src/kpi/kpi_int.h src/kpi/kpi.h src/core/arena.h src/kpi/calendar.h \
 src/core/buf.h src/kpi/dataset.h src/kpi/snapshot.h src/kpi/snap_int.h \
 src/kpi/pct.h
src/core/clock.h:
src/core/err.h:
src/kpi/kpi_int.h:
src/kpi/kpi.h:
src/core/arena.h:
src/kpi/calendar.h:
src/core/buf.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/kpi/snap_int.h:
src/kpi/pct.h:
