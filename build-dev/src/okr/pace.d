build-dev/src/okr/pace.o: src/okr/pace.c src/okr/pace.h \
 src/okr/progress.h
src/okr/pace.h:
src/okr/progress.h:
