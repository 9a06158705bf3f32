build-dev/src/web/i18n.o: src/web/i18n.c src/core/clock.h src/core/err.h \
 src/web/i18n.h
src/core/clock.h:
src/core/err.h:
src/web/i18n.h:
