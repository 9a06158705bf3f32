build-dev/src/okr/notify.o: src/okr/notify.c src/okr/notify.h \
 src/core/buf.h src/core/err.h
src/okr/notify.h:
src/core/buf.h:
src/core/err.h:
