build-dev/src/import/csv.o: src/import/csv.c src/import/csv.h \
 src/core/err.h
src/import/csv.h:
src/core/err.h:
