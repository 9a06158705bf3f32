build-dev/src/core/html.o: src/core/html.c src/core/html.h src/core/buf.h \
 src/core/err.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
