build-dev/gen/assets.o: build-dev/gen/assets.c
