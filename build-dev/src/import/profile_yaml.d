build-dev/src/import/profile_yaml.o: src/import/profile_yaml.c \
 src/import/profile_impl.h src/import/convert.h src/core/err.h \
 src/import/profile.h src/core/arena.h src/kpi/dataset.h
src/import/profile_impl.h:
src/import/convert.h:
src/core/err.h:
src/import/profile.h:
src/core/arena.h:
src/kpi/dataset.h:
