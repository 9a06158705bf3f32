build-dev/src/okr/progress.o: src/okr/progress.c src/okr/progress.h
src/okr/progress.h:
