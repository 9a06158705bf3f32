build-dev/src/import/convert.o: src/import/convert.c src/core/clock.h \
 src/core/err.h src/import/convert.h
src/core/clock.h:
src/core/err.h:
src/import/convert.h:
