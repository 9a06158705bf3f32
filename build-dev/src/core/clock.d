build-dev/src/core/clock.o: src/core/clock.c src/core/clock.h \
 src/core/err.h src/core/parse.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
