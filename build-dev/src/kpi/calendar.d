build-dev/src/kpi/calendar.o: src/kpi/calendar.c src/core/clock.h \
 src/core/err.h src/core/parse.h src/kpi/calendar.h src/core/arena.h \
 src/core/buf.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
src/kpi/calendar.h:
src/core/arena.h:
src/core/buf.h:
