build-dev/src/import/rows.o: src/import/rows.c src/import/csv.h \
 src/core/err.h src/import/rows.h
src/import/csv.h:
src/core/err.h:
src/import/rows.h:
