build-dev/src/web/svg.o: src/web/svg.c src/core/html.h src/core/buf.h \
 src/core/err.h src/web/svg.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/web/svg.h:
