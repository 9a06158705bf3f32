build-dev/src/core/text.o: src/core/text.c src/core/text.h src/core/buf.h \
 src/core/err.h
src/core/text.h:
src/core/buf.h:
src/core/err.h:
