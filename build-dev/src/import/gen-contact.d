build-dev/src/import/gen-contact.o: src/import/gen-contact.c \
 src/import/gen-priv.h src/import/gen.h src/core/err.h src/kpi/dataset.h
src/import/gen-priv.h:
src/import/gen.h:
src/core/err.h:
src/kpi/dataset.h:
