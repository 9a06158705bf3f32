build-dev/src/import/builtin.o: src/import/builtin.c src/core/buf.h \
 src/core/err.h src/import/profile.h src/core/arena.h src/kpi/dataset.h
src/core/buf.h:
src/core/err.h:
src/import/profile.h:
src/core/arena.h:
src/kpi/dataset.h:
