build-dev/src/core/parse.o: src/core/parse.c src/core/clock.h \
 src/core/err.h src/core/parse.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
