build-dev/src/kpi/dataset.o: src/kpi/dataset.c src/kpi/dataset.h \
 src/core/err.h
src/kpi/dataset.h:
src/core/err.h:
