build-dev/src/kpi/pct.o: src/kpi/pct.c src/kpi/pct.h
src/kpi/pct.h:
