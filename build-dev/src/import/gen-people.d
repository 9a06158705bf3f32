build-dev/src/import/gen-people.o: src/import/gen-people.c \
 src/import/gen-priv.h src/import/gen.h src/core/err.h src/kpi/dataset.h
src/import/gen-priv.h:
src/import/gen.h:
src/core/err.h:
src/kpi/dataset.h:
