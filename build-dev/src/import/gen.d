build-dev/src/import/gen.o: src/import/gen.c src/core/parse.h \
 src/core/err.h src/import/gen-priv.h src/import/gen.h src/kpi/dataset.h
src/core/parse.h:
src/core/err.h:
src/import/gen-priv.h:
src/import/gen.h:
src/kpi/dataset.h:
